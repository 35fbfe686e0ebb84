// Found only through an include directory given to the compile (-I, /I).
#define CFG_WORK_ITEM_TAG 'gfCn'
