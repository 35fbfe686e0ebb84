// ndisv model of pshpack2.h: structures that follow are packed to 2 bytes
// until <poppack.h>. Written for ndisv; not the WDK header. Included once per
// use, so it has no include guard.
// Changing the packing inside a header is the point; MSVC's header silences
// C4103 the same way.
#pragma clang diagnostic ignored "-Wpragma-pack"
#pragma pack(push, 2)
