#include "pinning.h"

#include "protocol/tlspin.h"

#include <QWebSocket>

namespace chamber::kiosk {

void pinWebSocket(QWebSocket &socket, const QByteArray &pin, std::function<void()> onMismatch)
{
    socket.setSslConfiguration(protocol::pinnedClientConfiguration());
    QObject::connect(&socket, &QWebSocket::sslErrors, &socket,
        [&socket, pin, onMismatch = std::move(onMismatch)](const QList<QSslError> &errors) {
            // Errors are expected (self-signed, no CA trusted); the pin alone decides.
            if (protocol::peerMatchesPin(socket.sslConfiguration().peerCertificate(), pin)) {
                socket.ignoreSslErrors(errors);
            } else if (onMismatch) {
                onMismatch();
            }
        });
}

} // namespace chamber::kiosk
