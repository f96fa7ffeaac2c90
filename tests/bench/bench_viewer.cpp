// Viewer benchmark: from tapping a 200-page PDF in the kiosk's document list to its first page
// drawn on screen, through the real Chamber.Documents viewer (QtPdf in Qt Quick, offscreen),
// and from there turning pages. Each round opens a fresh copy of the file (a new document, not
// one the viewer already holds). Baselines in the same run, on the same file: `pdftoppm -f 1
// -l 1` (poppler, a process per page as a shell would run it) and QPdfDocument load + render of
// page 1 in this process without Qt Quick.
#include "kioskstate.h"
#include "pdfpageprovider.h"
#include "qmlplugins.h"
#include "spin.h"
#include "stats.h"
#include "support/textpdf.h"

#include "childprocess.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfDocument>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>

#include <cstdio>

using namespace chamber;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

[[noreturn]] void fail(const char *why)
{
    std::fprintf(stderr, "bench_viewer: %s\n", why);
    std::exit(1);
}

// A meeting with one agenda item holding `documents` copies of the same PDF (ids from 1).
core::MeetingState meetingWith(const QStringList &shas, qint64 pages, qint64 bytes)
{
    QJsonArray documents;
    for (int i = 0; i < shas.size(); ++i) {
        documents.append(QJsonObject {{QStringLiteral("id"), i + 1}, {QStringLiteral("item"), 1},
            {QStringLiteral("sha256"), shas[i]},
            {QStringLiteral("name"), QStringLiteral("annex.pdf")},
            {QStringLiteral("title"), QStringLiteral("Phụ lục dự toán ngân sách 2027")},
            {QStringLiteral("pages"), pages}, {QStringLiteral("bytes"), bytes},
            {QStringLiteral("source"), QStringLiteral("pdf")},
            {QStringLiteral("addedAt"), QString()}, {QStringLiteral("removed"), false},
            {QStringLiteral("removedAt"), QString()}});
    }
    const QJsonObject state {{QStringLiteral("id"), 1}, {QStringLiteral("seq"), 0},
        {QStringLiteral("title"), QStringLiteral("Kỳ họp thứ Mười hai")},
        {QStringLiteral("status"), QStringLiteral("in_session")},
        {QStringLiteral("quorum"),
            QJsonObject {{QStringLiteral("rule"),
                QJsonObject {{QStringLiteral("basis"), QStringLiteral("heads")},
                    {QStringLiteral("numerator"), 1}, {QStringLiteral("denominator"), 2},
                    {QStringLiteral("inclusive"), false}}}}},
        {QStringLiteral("agenda"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), 1},
                {QStringLiteral("parent"), QJsonValue()}, {QStringLiteral("position"), 0},
                {QStringLiteral("title"), QStringLiteral("Dự toán")},
                {QStringLiteral("kind"), QStringLiteral("item")}}}},
        {QStringLiteral("documents"), documents}};
    auto meeting = core::MeetingState::fromJson(state);
    if (!meeting)
        fail(qPrintable(meeting.error().message));
    return meeting.value();
}

const char *kScene = R"(
import QtQuick
import Chamber.Documents
Window {
    id: scene
    width: 1280; height: 800; visible: true
    property int openDocument: 0
    property Item viewer: loader.item
    function rendered(index) {
        const page = loader.item ? loader.item.pageItem(index) : null
        return page !== null && page.rendered
    }
    Loader {
        id: loader
        anchors.fill: parent
        active: scene.openDocument > 0
        sourceComponent: DocumentViewer { documentId: scene.openDocument }
    }
}
)";

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("openings"),
        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption pagesOption(QStringLiteral("pages"),
        QStringLiteral("pages of the PDF"), QStringLiteral("N"), QStringLiteral("200"));
    parser.addOptions({roundsOption, pagesOption});
    parser.process(application);
    const int rounds = parser.value(roundsOption).toInt();
    const int pages = parser.value(pagesOption).toInt();

    QTemporaryDir directory;
    const QByteArray pdf = support::sampleArticlePdf(3, pages);
    QPdfDocument probe;
    QStringList shas;
    QHash<QString, QString> files;
    for (int round = 0; round < rounds; ++round) {
        // The same bytes under another name each round, so every opening is a fresh document.
        const QString path = directory.filePath(QStringLiteral("copy-%1.pdf").arg(round));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
            fail("cannot write the PDF");
        file.close();
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex());
        shas.append(sha);
        files.insert(sha, path);
    }
    if (probe.load(files.value(shas[0])) != QPdfDocument::Error::None)
        fail("the PDF does not open");
    const int pageCount = probe.pageCount();
    probe.close();

    kiosk::KioskState state(nullptr);
    kiosk::KioskState::setInstance(&state);
    kiosk::DeviceIdentity identity;
    identity.meeting = 1;
    identity.role = QStringLiteral("delegate");
    identity.delegate = 1;
    state.showStaticDocuments(files);
    state.showStatic(identity, meetingWith(shas, pageCount, pdf.size()), {}, {}, {});

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.addImageProvider(QStringLiteral("pdfpage"), new kiosk::PdfPageProvider);
    engine.loadData(kScene);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        fail("the viewer scene did not load");
    int framesSwapped = 0;
    QObject::connect(window, &QQuickWindow::frameSwapped, [&] { ++framesSwapped; });
    testing::spinUntil([&] { return framesSwapped > 0; }, 5000);

    std::vector<double> firstPageMs, turnMs, pdftoppmMs, qtPdfMs;
    const auto pageRendered = [&](int index) {
        QVariant rendered;
        QMetaObject::invokeMethod(
            window, "rendered", Q_RETURN_ARG(QVariant, rendered), Q_ARG(QVariant, index));
        return rendered.toBool();
    };
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        window->setProperty("openDocument", round + 1);
        if (!testing::spinUntil([&] { return pageRendered(0); }, 20000))
            fail("the first page was not rendered");
        const int before = framesSwapped;
        if (!testing::spinUntil([&] { return framesSwapped > before; }, 5000))
            fail("the first page was not drawn");
        firstPageMs.push_back(msSince(timer));

        // Five page turns with the toolbar's arrow (what a tap does), each until drawn.
        QObject *viewer = window->property("viewer").value<QObject *>();
        for (int turn = 1; turn <= 5; ++turn) {
            timer.restart();
            QMetaObject::invokeMethod(viewer, "turnTo", Q_ARG(QVariant, turn));
            if (!testing::spinUntil([&] { return pageRendered(turn); }, 10000))
                fail("a turned page was not rendered");
            const int drawn = framesSwapped;
            testing::spinUntil([&] { return framesSwapped > drawn; }, 5000);
            turnMs.push_back(msSince(timer));
        }
        window->setProperty("openDocument", 0);
        testing::spinUntil([&] { return !window->property("viewer").value<QObject *>(); }, 5000);

        // Baselines on the same file.
        const QString path = files.value(shas[round]);
        timer.restart();
        QProcess poppler;
        chamber::testing::dieWithTest(poppler);
        poppler.start(QStringLiteral("pdftoppm"),
            {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                QStringLiteral("-scale-to"), QStringLiteral("800"), QStringLiteral("-png"), path,
                directory.filePath(QStringLiteral("poppler"))});
        if (!poppler.waitForFinished(20000) || poppler.exitCode() != 0)
            fail("pdftoppm failed (poppler-utils installed?)");
        pdftoppmMs.push_back(msSince(timer));
        timer.restart();
        QPdfDocument document;
        if (document.load(path) != QPdfDocument::Error::None)
            fail("QPdfDocument did not load the file");
        const QSizeF points = document.pagePointSize(0);
        const QImage image
            = document.render(0, QSize(800, int(800 * points.height() / points.width())));
        if (image.isNull())
            fail("QPdfDocument did not render");
        qtPdfMs.push_back(msSince(timer));
    }

    auto line = [](const char *name, const std::vector<double> &samples) {
        std::printf("%-52s p50 %7.1f ms  p95 %7.1f ms\n", name, bench::percentile(samples, 50),
            bench::percentile(samples, 95));
        return QJsonObject {{QStringLiteral("p50_ms"), bench::percentile(samples, 50)},
            {QStringLiteral("p95_ms"), bench::percentile(samples, 95)}};
    };
    std::printf("bench_viewer: %d openings of a %d-page PDF (%.1f MB), 1280x800 offscreen\n",
        rounds, pageCount, double(pdf.size()) / 1e6);
    const QJsonObject result {
        {QStringLiteral("bench"), QStringLiteral("viewer")},
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("pages"), pageCount},
        {QStringLiteral("bytes"), pdf.size()},
        {QStringLiteral("open_to_first_page_drawn"),
            line("viewer: open -> first page drawn (goal < 1 s)", firstPageMs)},
        {QStringLiteral("page_turn_drawn"), line("viewer: page turn -> drawn", turnMs)},
        {QStringLiteral("baseline_pdftoppm_first_page"),
            line("baseline: pdftoppm -f 1 -l 1 -scale-to 800", pdftoppmMs)},
        {QStringLiteral("baseline_qtpdf_load_render"),
            line("baseline: QPdfDocument load + render page 1", qtPdfMs)},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}
