/* Never compiled: ndisv skips applications. It would not compile as a driver. */
#include <stdio.h>
int main(void) { printf("%s\n", "tool"); return 0; }
