// Globals defined (not only declared) in a header that both TUs include,
// as drivers built with cl.exe do: a tentative definition, which cl.exe
// links as one common symbol, and an initialized one, the same in both.
#pragma once
NDIS_HANDLE SgWorkItem;
ULONG SgFreeOnFailure = 0;
