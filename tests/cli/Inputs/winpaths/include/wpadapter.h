// Included as "..\Include\WPAdapter.H": another case, Windows separators.
#pragma once
typedef struct _WP_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE WorkItem;
} WP_ADAPTER, *PWP_ADAPTER;
