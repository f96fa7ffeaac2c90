// "image://qr/<percent-encoded text>": QR codes drawn for QML Image items (tally screen).
#pragma once

#include <QQuickImageProvider>

namespace chamber::kiosk {

class QrImageProvider : public QQuickImageProvider
{
public:
    QrImageProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};

} // namespace chamber::kiosk
