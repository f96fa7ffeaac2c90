// Qt Quick Test runner for the kiosk's screens. Every tst_*.qml runs against a real chamberd
// started in this process (see TestServer), through the kiosk's real client and Kiosk state.
#include "kioskapplication.h"
#include "minutespdf/minutesjob.h"
#include "pdfpageprovider.h"
#include "qmlplugins.h"
#include "qrimageprovider.h"
#include "testserver.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QtQuickTest>

#include <cstring>

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

// The in-process chamberd renders the minutes PDF in a child process started from its own
// program, as chamberd does: here that program is this test runner, so it answers the child's
// argument the way chamberd's main() does.
int main(int argc, char **argv)
{
    if (argc == 2 && std::strcmp(argv[1], chamber::minutespdf::kRenderMinutesArgument) == 0)
        return chamber::minutespdf::renderMinutesMain(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "kiosk_qml", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "main.moc"
