// ScannerView.qml loads from the module's resources and, on a device without a camera (like the
// test machine), offers to open a picture and reports the code in it.
#include "qrtestframes.h"
#include "scanner/qrscanner.h"

// Qt 6.4: qmediadevices.h only forward-declares QCameraDevice, which QList needs complete.
#include <QCameraDevice>
#include <QMediaDevices>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <memory>

// The module is a static library: its plugin registers the QML types.
Q_IMPORT_QML_PLUGIN(Chamber_ScannerPlugin)

using namespace chamber;

class TestQrScannerView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void withoutCameraOffersToOpenAPicture();
    void reportsTheCodeInAPicture();
    void saysWhenAPictureHasNoCode();

private:
    std::unique_ptr<QObject> createView();

    std::unique_ptr<QQmlEngine> m_engine;
};

void TestQrScannerView::init()
{
    if (!QMediaDevices::videoInputs().isEmpty())
        QSKIP("this machine has a camera; these tests are about the view without one");
    m_engine = std::make_unique<QQmlEngine>();
    // Qt 6.4 does not look in qrc:/qt/qml by itself.
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
}

std::unique_ptr<QObject> TestQrScannerView::createView()
{
    QQmlComponent component(
        m_engine.get(), QUrl(QStringLiteral("qrc:/qt/qml/Chamber/Scanner/ScannerView.qml")));
    if (!component.isReady()) {
        qWarning("%s", qPrintable(component.errorString()));
        return {};
    }
    std::unique_ptr<QObject> view(component.create());
    if (!view)
        qWarning("%s", qPrintable(component.errorString()));
    return view;
}

void TestQrScannerView::withoutCameraOffersToOpenAPicture()
{
    const std::unique_ptr<QObject> view = createView();
    QVERIFY(view);
    QCOMPARE(view->property("hasCamera").toBool(), false);
    QCOMPARE(view->property("statusText").toString(),
        QStringLiteral("Open a photo or screenshot of the QR code on your seat card."));
    QObject *status = view->findChild<QObject *>(QStringLiteral("noCameraStatus"));
    QVERIFY(status);
    QCOMPARE(status->property("text"), view->property("statusText"));

    QObject *pane = view->findChild<QObject *>(QStringLiteral("noCameraPane"));
    QVERIFY(pane);
    QVERIFY(pane->property("visible").toBool());
    QObject *button = view->findChild<QObject *>(QStringLiteral("openImageButton"));
    QVERIFY(button);
    QCOMPARE(button->property("text").toString(), QStringLiteral("Open image\u2026"));
    QObject *framing = view->findChild<QObject *>(QStringLiteral("framing"));
    QVERIFY(framing);
    QVERIFY(!framing->property("visible").toBool());

    auto *scanner = view->findChild<kiosk::QrScanner *>(QStringLiteral("qrScanner"));
    QVERIFY(scanner);
    // Nothing to watch without a camera.
    QVERIFY(!scanner->isActive());

    // To look at it: CHAMBER_QR_TEST_DUMP=/some/dir.
    if (const QString dump = qEnvironmentVariable("CHAMBER_QR_TEST_DUMP"); !dump.isEmpty()) {
        QQuickWindow window;
        window.resize(1024, 600);
        auto *item = qobject_cast<QQuickItem *>(view.get());
        QVERIFY(item);
        item->setParentItem(window.contentItem());
        item->setSize(QSizeF(1024, 600));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.grabWindow().save(dump + QStringLiteral("/scannerview.png")));
        item->setParentItem(nullptr);
    }
}

void TestQrScannerView::reportsTheCodeInAPicture()
{
    const std::unique_ptr<QObject> view = createView();
    QVERIFY(view);
    auto *scanner = view->findChild<kiosk::QrScanner *>(QStringLiteral("qrScanner"));
    QVERIFY(scanner);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("card.png"));
    const QString text = qrtest::joinUrl(201);
    QImage frame = qrtest::roomBackground(3);
    qrtest::placeCard(frame, qrtest::qrCard(text, 280));
    QVERIFY(frame.save(path));

    QSignalSpy scanned(view.get(), SIGNAL(scanned(QString)));
    // What the FileDialog's onAccepted does with the URL it is given.
    QVERIFY(QMetaObject::invokeMethod(
        scanner, "scanImageFile", Q_ARG(QString, QUrl::fromLocalFile(path).toString())));
    QTRY_COMPARE_WITH_TIMEOUT(scanned.size(), 1, 10000);
    QCOMPARE(scanned.first().first().toString(), text);
    QCOMPARE(view->property("statusText").toString(), QStringLiteral("QR code read."));
}

void TestQrScannerView::saysWhenAPictureHasNoCode()
{
    const std::unique_ptr<QObject> view = createView();
    QVERIFY(view);
    auto *scanner = view->findChild<kiosk::QrScanner *>(QStringLiteral("qrScanner"));
    QVERIFY(scanner);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("empty.png"));
    QVERIFY(qrtest::roomBackground(4).save(path));

    QSignalSpy scanned(view.get(), SIGNAL(scanned(QString)));
    scanner->scanImageFile(path);
    QTRY_VERIFY_WITH_TIMEOUT(view->property("statusText")
                                 .toString()
                                 .contains(QLatin1String("no QR code found in empty.png")),
        10000);
    QCOMPARE(scanned.size(), 0);
}

QTEST_MAIN(TestQrScannerView)
#include "test_qr_scannerview.moc"
