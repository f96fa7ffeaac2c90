// Applies key pinning to a QWebSocket: trust nothing but the pinned server key.
#pragma once

#include <QByteArray>

#include <functional>

class QWebSocket;

namespace chamber::kiosk {

// The socket accepts a server only if its key matches `pin` (no CA is trusted at all);
// `onMismatch` runs when a server presents another key, before the connection is dropped.
void pinWebSocket(QWebSocket &socket, const QByteArray &pin, std::function<void()> onMismatch);

} // namespace chamber::kiosk
