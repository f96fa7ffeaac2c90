// Qt Quick Test runner for the kiosk's screens. Every tst_*.qml runs against a real chamberd
// started in this process (see TestServer), through the kiosk's real client and Kiosk state.
#include "kioskapplication.h"
#include "pdfpageprovider.h"
#include "qmlplugins.h"
#include "qrimageprovider.h"
#include "testserver.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QtQuickTest>

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans"), 11));
        m_kiosk = std::make_unique<chamber::kiosk::KioskState>(nullptr);
        chamber::kiosk::KioskState::setInstance(m_kiosk.get());
        m_server = std::make_unique<chamber::testing::TestServer>(nullptr);
        chamber::testing::TestServer::setInstance(m_server.get());
        if (!m_server->start())
            qFatal("the in-process chamberd did not start");
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->addImageProvider(QStringLiteral("qr"), new chamber::kiosk::QrImageProvider);
        engine->addImageProvider(QStringLiteral("pdfpage"), new chamber::kiosk::PdfPageProvider);
    }

    void cleanupTestCase()
    {
        m_kiosk.reset();
        m_server.reset();
    }

private:
    std::unique_ptr<chamber::kiosk::KioskState> m_kiosk;
    std::unique_ptr<chamber::testing::TestServer> m_server;
};

QUICK_TEST_MAIN_WITH_SETUP(kiosk_qml, Setup)

#include "main.moc"
