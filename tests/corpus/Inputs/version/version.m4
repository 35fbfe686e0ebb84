dnl values in the m4 form tap-windows6's version.m4 uses
define([PRODUCT_NAME], [Test Adapter])
define([PRODUCT_MAJOR], [3])
define([PRODUCT_EMPTY], [])
