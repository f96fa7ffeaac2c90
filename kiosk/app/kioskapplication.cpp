#include "kioskapplication.h"

#include "boardstate.h"
#include "bridgemedia.h"
#include "pdfpageprovider.h"
#include "qrimageprovider.h"
#include "returnsources.h"
#include "support/textpdf.h"
#include "videosurface.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace chamber::kiosk {

namespace {

int g_qmlProblems = 0;
QtMessageHandler g_previousHandler = nullptr;

// QML reports its problems as warnings naming a .qml file; those are what a self-test counts.
void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool fromQml = message.contains(QLatin1String(".qml"))
        || (context.category
            && (qstrcmp(context.category, "qml") == 0 || qstrcmp(context.category, "js") == 0));
    if (type >= QtWarningMsg && fromQml)
        ++g_qmlProblems;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString chooseLanguage(const QString &requested)
{
    if (!requested.isEmpty())
        return requested;
    // Chamber's users are Vietnamese councils: Vietnamese unless the system asks for English.
    return QLocale::system().language() == QLocale::English ? QStringLiteral("en")
                                                            : QStringLiteral("vi");
}

} // namespace

namespace {

// The demo state with a scene's changes: its keys replace the state's, `present` says who is
// present, and a speech's start is placed `sinceSecondsAgo` before now so the countdown runs.
QJsonObject applyScene(QJsonObject state, const QJsonObject &scene)
{
    static const QStringList notState {QStringLiteral("present"), QStringLiteral("progress"),
        QStringLiteral("ownBallot"), QStringLiteral("comment")};
    for (auto it = scene.begin(); it != scene.end(); ++it) {
        if (!notState.contains(it.key()))
            state.insert(it.key(), it.value());
    }
    if (scene.contains(QLatin1String("present"))) {
        const QJsonArray present = scene.value(QLatin1String("present")).toArray();
        QJsonArray delegates;
        for (const QJsonValue &value : state.value(QLatin1String("delegates")).toArray()) {
            QJsonObject delegate = value.toObject();
            const bool isPresent = present.contains(delegate.value(QLatin1String("id")));
            if (isPresent && !delegate.value(QLatin1String("present")).toBool())
                delegate.insert(
                    QStringLiteral("presentSince"), state.value(QLatin1String("startedAt")));
            delegate.insert(QStringLiteral("present"), isPresent);
            delegates.append(delegate);
        }
        state.insert(QStringLiteral("delegates"), delegates);
    }
    QJsonObject speakers = state.value(QLatin1String("speakers")).toObject();
    if (speakers.contains(QLatin1String("sinceSecondsAgo"))) {
        const int ago = speakers.take(QLatin1String("sinceSecondsAgo")).toInt();
        speakers.insert(QStringLiteral("since"),
            QDateTime::currentDateTimeUtc().addSecs(-ago).toString(Qt::ISODateWithMs));
        state.insert(QStringLiteral("speakers"), speakers);
    }
    return state;
}

// PDFs for the demo meeting's documents, made from the sample articles into a directory that
// lives as long as the program; those listed in `notOnTablet` are left out, as if still on
// their way. Returns sha256 -> file.
QHash<QString, QString> makeDemoDocuments(
    const QJsonObject &demo, const core::MeetingState &meeting)
{
    static QTemporaryDir directory;
    QHash<QString, QString> files;
    const QJsonArray missing = demo.value(QLatin1String("demoDocuments"))
                                   .toObject()
                                   .value(QLatin1String("notOnTablet"))
                                   .toArray();
    for (const auto &[id, document] : meeting.documents.all()) {
        if (missing.contains(QJsonValue(id)) || !directory.isValid())
            continue;
        const QString path = directory.filePath(document.sha256 + QStringLiteral(".pdf"));
        if (!QFile::exists(path)) {
            const int article = int((id - 1) % support::sampleArticleCount()) + 1;
            const QString text = support::sampleArticle(article);
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly)
                || file.write(support::makeTextPdf(document.title, text, int(document.pages))) <= 0)
                continue;
        }
        files.insert(document.sha256, path);
    }
    return files;
}

} // namespace

int qmlProblemCount()
{
    return g_qmlProblems;
}

KioskApplication::KioskApplication(KioskOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    KioskState::setInstance(&m_state);
    m_state.setLanguageSwitcher([this](const QString &language) { switchLanguage(language); });
}

KioskApplication::~KioskApplication()
{
    KioskState::setInstance(nullptr);
}

void KioskApplication::switchLanguage(const QString &language)
{
    QCoreApplication::removeTranslator(&m_translator);
    if (m_translator.load(QStringLiteral(":/i18n/chamber_%1.qm").arg(language)))
        QCoreApplication::installTranslator(&m_translator);
    QLocale::setDefault(
        QLocale(language == QLatin1String("vi") ? QLocale::Vietnamese : QLocale::English));
    m_engine.retranslate();
}

Status KioskApplication::showDemo(KioskState &state, const QString &role, const QString &scene)
{
    QFile file(QStringLiteral(":/chamber/kiosk/demo-state.json"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Internal, QStringLiteral("the demo state is missing from the program"));
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject scenes = demo.value(QLatin1String("scenes")).toObject();
    const QJsonObject patch = scenes.value(scene).toObject();
    if (!scenes.value(scene).isObject()) {
        QStringList known = scenes.keys();
        known.removeAll(QStringLiteral("comment"));
        return makeError(ErrorCode::BadField,
            QStringLiteral("no demo scene \"%1\"; known: %2").arg(scene, known.join(u", ")));
    }
    auto meeting = core::MeetingState::fromJson(
        applyScene(demo.value(QLatin1String("state")).toObject(), patch));
    if (!meeting)
        return meeting.error();
    DeviceIdentity identity;
    identity.host = QStringLiteral("192.168.1.10");
    identity.port = 8443;
    identity.meeting = meeting->id;
    identity.role = role;
    // The demo's seat tablet is A03's; its device entry gives the label.
    identity.delegate = role == QLatin1String("delegate") ? 3 : 0;
    for (const auto &[id, device] : meeting->devices) {
        if (device.role == role
            && (role != QLatin1String("delegate") || device.delegate == identity.delegate))
            identity.label = device.label;
    }
    const QJsonObject seatCode = demo.value(QLatin1String("seatCode")).toObject();
    state.showStaticDocuments(makeDemoDocuments(demo, meeting.value()));
    state.showStatic(identity, meeting.value(), demo.value(QLatin1String("presence")).toArray(),
        role == QLatin1String("tally") ? seatCode.value(QLatin1String("url")).toString()
                                       : QString(),
        seatCode.value(QLatin1String("label")).toString());
    // The demo council's board, for the board role and the chair's and tally's board.
    QFile boardFile(QStringLiteral(":/chamber/kiosk/demo-board.json"));
    if (!boardFile.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Internal, QStringLiteral("the demo board is missing from the program"));
    auto board = Board::fromJson(QJsonDocument::fromJson(boardFile.readAll()).object());
    if (!board)
        return board.error();
    BoardState::instance()->showStatic(board.value());
    if (const QJsonObject progress = patch.value(QLatin1String("progress")).toObject();
        !progress.isEmpty()) {
        PollProgress shown;
        shown.poll = progress.value(QLatin1String("poll")).toInteger();
        shown.cast = progress.value(QLatin1String("cast")).toInt();
        shown.eligible = progress.value(QLatin1String("eligible")).toInt();
        // As the server sends it: the names of who has not voted go to the chair only.
        shown.hasPending = role == QLatin1String("chair");
        if (shown.hasPending) {
            for (const QJsonValue &delegate : progress.value(QLatin1String("pending")).toArray())
                shown.pending.append(delegate.toInteger());
        }
        state.showStaticProgress(shown);
    }
    if (const QJsonObject ballot = patch.value(QLatin1String("ownBallot")).toObject();
        !ballot.isEmpty() && role == QLatin1String("delegate")) {
        state.voting()->showRecordedBallot(ballot.value(QLatin1String("poll")).toInteger(),
            ballot.value(QLatin1String("delegate")).toInteger(),
            ballot.value(QLatin1String("choice")).toString());
    }
    return success();
}

int KioskApplication::run()
{
    g_previousHandler = qInstallMessageHandler(countingHandler);
    const QString language = chooseLanguage(m_options.language);
    switchLanguage(language);
    m_state.setLanguage(language);

    m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_engine.addImageProvider(QStringLiteral("qr"), new QrImageProvider);
    m_engine.addImageProvider(QStringLiteral("pdfpage"), new PdfPageProvider);

    if (m_options.selfTest) {
        if (m_options.role != QLatin1String("join")) {
            if (auto shown = showDemo(m_state, m_options.role, m_options.demoScene); !shown) {
                std::fprintf(stderr, "self-test: %s\n", qPrintable(shown.error().message));
                return 1;
            }
        }
    } else {
        const QString dataDir = m_options.dataDir.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            : m_options.dataDir;
        QDir().mkpath(dataDir);
        m_state.startLive({dataDir + QStringLiteral("/device.json"),
            dataDir + QStringLiteral("/outbox.json"), dataDir + QStringLiteral("/meeting.json"),
            dataDir + QStringLiteral("/documents"), m_options.documentCacheMiB * 1024 * 1024,
            dataDir + QStringLiteral("/annotations")});
        if (!m_options.joinUrl.isEmpty() && m_state.phase() == QLatin1String("join"))
            m_state.joinWith(m_options.joinUrl);
    }

    // qml6glsink draws with OpenGL, which must be chosen before the window exists. A device
    // that joins as a bridge only now gets Qt's default, OpenGL on Linux displays, as well.
    // The tally screen shows the site that has the floor the same way.
    if (m_state.role() == QLatin1String("bridge") || m_state.role() == QLatin1String("tally"))
        prepareBridgeVideo();
    if (auto sources = returnSources(m_options.camera, m_options.microphone); sources)
        BridgeMedia::setDefaultReturnConfig(sources.value());
    m_engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Chamber/App/Main.qml")));
    auto *window = m_engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(m_engine.rootObjects().first());
    if (!window) {
        std::fprintf(stderr, "chamber-kiosk: the user interface did not load\n");
        return 1;
    }
    window->resize(m_options.size);
    if (m_options.fullScreen)
        window->showFullScreen();
    if (m_options.selfTest)
        QTimer::singleShot(1200, this, &KioskApplication::finishSelfTest);
    return QGuiApplication::exec();
}

void KioskApplication::finishSelfTest()
{
    auto *window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().first());
    QStringList problems;
    const QString expected = m_options.role == QLatin1String("join")
        ? QStringLiteral("joinPage")
        : m_options.role + QStringLiteral("Main");
    if (!window->findChild<QObject *>(expected))
        problems << QStringLiteral("the %1 screen is not shown").arg(expected);
    const QImage frame = window->grabWindow();
    if (frame.isNull() || frame.size() != m_options.size * window->devicePixelRatio())
        problems << QStringLiteral("the window did not render");
    if (qmlProblemCount() > 0)
        problems
            << QStringLiteral("%1 QML warning(s) or error(s), see above").arg(qmlProblemCount());
    if (!m_options.screenshot.isEmpty() && !frame.save(m_options.screenshot))
        problems << QStringLiteral("cannot write %1").arg(m_options.screenshot);
    if (problems.isEmpty()) {
        std::printf("self-test %s (%s, %dx%d): ok\n", qPrintable(m_options.role),
            qPrintable(m_state.language()), m_options.size.width(), m_options.size.height());
        QCoreApplication::exit(0);
    } else {
        std::fprintf(stderr, "self-test %s failed: %s\n", qPrintable(m_options.role),
            qPrintable(problems.join(QStringLiteral("; "))));
        QCoreApplication::exit(1);
    }
}

} // namespace chamber::kiosk
