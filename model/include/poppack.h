// ndisv model of poppack.h: restores the packing <pshpackN.h> saved. Written
// for ndisv; not the WDK header. Included once per use, so no include guard.
// Changing the packing inside a header is the point; MSVC's header silences
// C4103 the same way.
#pragma clang diagnostic ignored "-Wpragma-pack"
#pragma pack(pop)
