// ndisv model of pshpack1.h: structures that follow are packed to 1 bytes
// until <poppack.h>. Written for ndisv; not the WDK header. Included once per
// use, so it has no include guard.
// Changing the packing inside a header is the point; MSVC's header silences
// C4103 the same way.
#pragma clang diagnostic ignored "-Wpragma-pack"
#pragma pack(push, 1)
