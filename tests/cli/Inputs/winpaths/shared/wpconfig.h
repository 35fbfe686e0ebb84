// Found through an include directory spelled ".\SHARED" by the project and
// "Shared" by the compile database; included as <WPConfig.h>.
#pragma once
#define WP_TAG 'pWdN'
