// ExcludedFromBuild: never compiled.
#error "src/broken.c is excluded from the build"
