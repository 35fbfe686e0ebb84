// Found only through the /I directory of the response file.
#define RSP_TAG 'psRn'
