#include "app/chamberserver.h"

#include "api/accountapi.h"
#include "api/annotationapi.h"
#include "api/boardlinkapi.h"
#include "api/childrender.h"
#include "api/councilapi.h"
#include "api/documentapi.h"
#include "api/enrollmentapi.h"
#include "api/httpserver.h"
#include "api/mediarelay.h"
#include "api/minutesapi.h"
#include "api/qrapi.h"
#include "api/readerapi.h"
#include "api/restapi.h"
#include "api/router.h"
#include "api/sessionapi.h"
#include "api/votingapi.h"
#include "api/webassets.h"
#include "api/websockethub.h"
#include "app/chainguard.h"
#include "app/signingkey.h"
#include "core/ballots.h"
#include "core/commands.h"
#include "edge/edgeserver.h"
#include "minutespdf/minutesidentity.h"
#include "protocol/joinlink.h"
#include "protocol/readerlink.h"
#include "protocol/tlspin.h"
#include "services/accountservice.h"
#include "services/annotationservice.h"
#include "services/authenticator.h"
#include "services/ballotservice.h"
#include "services/boardlinks.h"
#include "services/clock.h"
#include "services/councilservice.h"
#include "services/demoseed.h"
#include "services/devices.h"
#include "services/documentservice.h"
#include "services/enrollment.h"
#include "services/mediasupervisor.h"
#include "services/meetingservice.h"
#include "services/officeconverter.h"
#include "services/pagerenderer.h"
#include "services/passwordhasher.h"
#include "services/permissions.h"
#include "services/readerlinks.h"
#include "services/recordingservice.h" // recording (issue 16)
#include "storage/annotationfiles.h"
#include "storage/documentfiles.h"
#include "storage/eventstore.h"
#include "support/log.h"
#include "support/privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QSslSocket>

#include <QStandardPaths>
#include <sys/resource.h>

namespace chamber::app {

Q_LOGGING_CATEGORY(lcServer, "chamber.server")

namespace {

// The soft limit of open descriptors raised to the hard one (systemd's default soft limit is
// 1024, far below a chamber's tablets and browsers); returns the soft limit now in force.
qint64 raiseFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur == RLIM_INFINITY ? 1 << 20 : qint64(limit.rlim_cur);
}

} // namespace

ChamberServer::ChamberServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_dataDir = m_config.dataDir.isEmpty() ? defaultDataDirectory() : m_config.dataDir;
}

ChamberServer::~ChamberServer()
{
    // Sessions refer to the service and the hub; tear down from the network inwards: the edge
    // first (its threads end, no request arrives any more), then what answered it.
    m_edge.reset();
    m_http.reset();
    m_hub.reset();
    m_mediaRelay.reset();
    m_recordings.reset(); // before the supervisor it listens to
    m_media.reset(); // ends chamber-media
    m_passwordHasher.reset(); // waits for hashes in flight
    m_readerApi.reset();
    m_pageRenderer.reset(); // waits for renders in flight
    m_ballots.reset();
    m_chainGuard.reset(); // stops its thread before the store and the key go
}

QString ChamberServer::defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/chamber");
}

QString ChamberServer::adminTokenPath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/admin.token");
}

QString ChamberServer::databasePath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/chamber.db");
}

QString ChamberServer::recordingsDirectory(const QString &dataDir)
{
    return dataDir + QStringLiteral("/recordings");
}

QString ChamberServer::tlsDirectory(const QString &dataDir)
{
    return dataDir + QStringLiteral("/tls");
}

quint16 ChamberServer::port() const
{
    return m_edge ? m_edge->port() : 0;
}

QString ChamberServer::statusLine() const
{
    const qint64 meetings = m_service ? qint64(m_service->meetings().size()) : 0;
    return QStringLiteral("serving on %1:%2, %3 %4, video bridges %5")
        .arg(m_config.listen.host)
        .arg(port())
        .arg(meetings)
        .arg(meetings == 1 ? QStringLiteral("meeting") : QStringLiteral("meetings"))
        .arg(m_media ? QStringLiteral("on") : QStringLiteral("off"));
}

Result<QByteArray> ChamberServer::loadOrCreateAdminToken()
{
    const QString path = adminTokenPath(m_dataDir);
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Internal,
                QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        const QByteArray token = file.readAll().trimmed();
        if (token.size() < 32)
            return makeError(ErrorCode::Invalid,
                QStringLiteral("%1 holds a token shorter than 32 characters; remove it "
                               "to have a new one created")
                    .arg(path));
        return token;
    }
    // 256 bits from the system's CSPRNG, base64url so it pastes into a shell unquoted.
    QByteArray random(32, '\0');
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    const QByteArray token
        = random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (auto status = support::writePrivateFile(path, token + '\n'); !status)
        return status.error();
    log::info(lcServer(), QStringLiteral("admin token created"), {{QStringLiteral("file"), path}});
    return token;
}

Status ChamberServer::start()
{
    if (auto status = support::ensurePrivateDirectory(m_dataDir); !status)
        return status;

    auto store = storage::EventStore::open(databasePath(m_dataDir));
    if (!store)
        return store.error();
    m_store = std::move(store.value());
    // The signing key first: checkpoints of the chain and published results are checked
    // against it before anything from the log is believed.
    bool signingCreated = false;
    auto signingKey
        = loadOrCreateSigningKey(m_dataDir + QStringLiteral("/signing"), &signingCreated);
    if (!signingKey)
        return signingKey.error();
    m_signingKey = std::move(signingKey.value());
    log::info(lcServer(),
        signingCreated ? QStringLiteral("result signing key created")
                       : QStringLiteral("result signing key loaded"),
        {{QStringLiteral("publicKey"), QString::fromLatin1(m_signingKey->publicKey().toBase64())},
            {QStringLiteral("fingerprint"), protocol::keyFingerprint(m_signingKey->publicKey())}});
    if (m_config.checkChain) {
        m_chainGuard
            = std::make_unique<ChainGuard>(*m_store, *m_signingKey, m_config.acceptBrokenChain);
        if (auto status = m_chainGuard->checkAtStart(); !status)
            return status;
        connect(m_chainGuard.get(), &ChainGuard::fullCheckDone, this,
            [this](bool intact, bool mustStop) {
                Q_EMIT chainChecked(intact);
                if (!mustStop)
                    return;
                // Serving a log found rewritten would spread it to every device and into new
                // signed results; the next start refuses with the reason (the checkpoint of
                // the broken meeting is gone, so that start reads it in full).
                log::critical(lcServer(),
                    QStringLiteral("stopping: the event log's hash chain is broken "
                                   "(chamberd --accept-broken-chain serves it anyway)"));
                stop();
                QCoreApplication::exit(1);
            });
    }
    if (m_config.testClockFile.isEmpty()) {
        m_clock = std::make_unique<services::SystemClock>();
    } else {
        m_clock = std::make_unique<services::FileClock>(m_config.testClockFile);
        log::warning(lcServer(), QStringLiteral("the time comes from a test clock file"),
            {{QStringLiteral("file"), m_config.testClockFile}});
    }
    m_service = std::make_unique<services::MeetingService>(*m_store);
    m_service->setClock([clock = m_clock.get()] { return clock->now(); });
    m_councils = std::make_unique<services::CouncilService>(*m_store, *m_service, *m_clock);
    m_devices = std::make_unique<services::DeviceRegistry>(*m_store);
    if (auto status = m_devices->load(); !status)
        return status;
    m_readerLinks = std::make_unique<services::ReaderLinkService>(*m_store, *m_service);
    m_service->setProjection(
        [this](storage::Database &db, const std::vector<storage::PendingEvent> &events) {
            if (auto status = m_devices->project(db, events); !status)
                return status;
            return m_readerLinks->project(db, events);
        });
    connect(m_service.get(), &services::MeetingService::eventsCommitted, this,
        [this](qint64, const std::vector<protocol::Event> &events) {
            m_devices->forgetRevoked(events);
        });
    m_enrollment = std::make_unique<services::EnrollmentService>(*m_store, *m_service, *m_devices);
    m_ballots = std::make_unique<services::BallotService>(*m_store, *m_service);
    m_service->setContextProvider(
        [this](const core::MeetingState &meeting, const protocol::Message &command,
            core::DecisionContext &context) { return provideContext(meeting, command, context); });
    if (auto status = m_service->load(); !status) {
        return makeError(ErrorCode::Internal,
            QStringLiteral("the event log cannot be replayed, refusing to start: %1")
                .arg(status.error().message));
    }
    if (auto status = m_ballots->load(); !status)
        return status;
    if (auto status = m_councils->load(); !status) {
        return makeError(ErrorCode::Internal,
            QStringLiteral("the councils' event log cannot be replayed, refusing to start: %1")
                .arg(status.error().message));
    }
    m_councils->watchColourBoundaries(m_config.testClockFile);
    log::info(lcServer(), QStringLiteral("state rebuilt from the event log"),
        {{QStringLiteral("meetings"), qint64(m_service->meetings().size())},
            {QStringLiteral("councils"), qint64(m_councils->councils().size())}});

    if (m_config.demo) {
        auto seeded = services::seedDemoMeeting(*m_service, *m_councils, m_clock->now());
        if (!seeded)
            return seeded.error();
        if (seeded.value() > 0)
            log::info(lcServer(), QStringLiteral("demo meeting ready"),
                {{QStringLiteral("meeting"), seeded.value()}});
    }

    auto tls = loadOrCreateTlsIdentity(tlsDirectory(m_dataDir));
    if (!tls)
        return tls.error();
    m_tls = tls.value();
    log::info(lcServer(),
        m_tls.created ? QStringLiteral("TLS identity created")
                      : QStringLiteral("TLS identity loaded"),
        {{QStringLiteral("spkiSha256"), protocol::formatPin(m_tls.pin)},
            {QStringLiteral("spkiSha256Hex"), QString::fromLatin1(m_tls.pin.toHex())}});

    auto token = loadOrCreateAdminToken();
    if (!token)
        return token.error();
    m_authenticator = std::make_unique<services::Authenticator>(token.value(), m_devices.get());
    // A device acts in its meeting's council only (services/permissions.h).
    m_authenticator->setCouncilOfMeeting(
        [this](qint64 meeting) { return m_councils->councilOfMeeting(meeting); });
    // Follow-up board links: their tokens authenticate as "boardlink:<n>" of one council.
    m_boardLinks = std::make_unique<services::BoardLinkService>(m_store->database(),
        [this](qint64 council) { return m_councils->council(council) != nullptr; });
    m_boardLinks->setClock([clock = m_clock.get()] { return clock->now(); });
    m_authenticator->setBoardLinks(m_boardLinks.get());
    if (auto status = startAccounts(); !status)
        return status;

    m_router = std::make_unique<api::Router>();
    m_rest = std::make_unique<api::RestApi>(*m_service);
    m_rest->registerRoutes(*m_router);
    // The WebSocket: anyone may open it; each message is authorized when it comes.
    m_router->addServedElsewhere(QStringLiteral("GET"), QString(api::HttpServer::kWebSocketPath),
        services::Operation::Hello);
    api::HubOptions hubOptions;
    hubOptions.resumeWindow = m_config.resumeWindow;
    hubOptions.helloTimeoutMs = m_config.helloTimeoutSeconds * 1000;
    hubOptions.maxBacklogBytes = m_config.maxBacklogMiB * 1024 * 1024;
    hubOptions.limits.device
        = support::Budget {double(m_config.deviceBurst), double(m_config.devicePerSecond)};
    hubOptions.limits.attempts.failures = m_config.authFailures;
    hubOptions.limits.attempts.windowMs = qint64(m_config.authWindowSeconds) * 1000;
    hubOptions.limits.attempts.maxBackoffMs = qint64(m_config.authMaxBackoffSeconds) * 1000;
    m_hub = std::make_unique<api::WebSocketHub>(
        *m_service, *m_authenticator, *m_enrollment, *m_ballots, hubOptions);
    m_router->setAdmission(&m_hub->admission());
    connect(m_accounts.get(), &services::AccountService::sessionsEnded, m_hub.get(),
        &api::WebSocketHub::endAccountSessions);
    m_sessionApi
        = std::make_unique<api::SessionApi>(*m_accounts, *m_passwordHasher, &m_hub->admission());
    m_sessionApi->registerRoutes(*m_router);
    m_accountApi = std::make_unique<api::AccountApi>(*m_accounts, *m_passwordHasher);
    m_accountApi->registerRoutes(*m_router);
    m_hub->setJoinLinkMaker([this](const QString &token) { return joinLink(token); });
    m_enrollmentApi = std::make_unique<api::EnrollmentApi>(*m_enrollment, *m_service, *m_hub,
        [this](const QString &token) { return joinLink(token); });
    m_enrollmentApi->registerRoutes(*m_router);
    // Minutes (issue 16, server helper): one child renderer for seat cards and minutes (at
    // most two drawings at once in all); the minutes' signing identity, whose certificate
    // GET /api/v1/server publishes; the signed PDFs kept in <data>/minutes.
    m_childRenderer = std::make_unique<api::ChildRenderer>(QCoreApplication::applicationFilePath());
    auto minutesIdentity
        = minutespdf::loadOrCreateMinutesIdentity(m_dataDir + QStringLiteral("/minutes-signing"));
    if (!minutesIdentity)
        return minutesIdentity.error();
    log::info(lcServer(), QStringLiteral("minutes signing certificate"),
        {{QStringLiteral("sha256"), minutesIdentity->fingerprint}});
    m_minutesApi
        = std::make_unique<api::MinutesApi>(*m_service, *m_childRenderer, minutesIdentity.value(),
            m_dataDir + QStringLiteral("/minutes"), m_dataDir + QStringLiteral("/recordings"));
    if (auto status = m_minutesApi->open(); !status)
        return status;
    m_minutesApi->registerRoutes(*m_router);
    m_qrApi = std::make_unique<api::QrApi>(
        *m_enrollment, *m_service, [this](const QString &token) { return joinLink(token); },
        *m_childRenderer);
    m_qrApi->registerRoutes(*m_router);
    m_votingApi = std::make_unique<api::VotingApi>(*m_rest, *m_service, *m_ballots,
        api::ServerKeys {m_tls.pin, m_signingKey->publicKey(), minutesIdentity->fingerprint,
            minutesIdentity->certificatePem()});
    m_votingApi->registerRoutes(*m_router);
    m_documentFiles = std::make_unique<storage::DocumentFiles>(m_dataDir + QStringLiteral("/docs"));
    if (auto status = m_documentFiles->open(); !status)
        return status;
    services::OfficeConverterOptions conversion;
    conversion.program = m_config.officeConverter;
    conversion.timeoutSeconds = m_config.conversionTimeoutSeconds;
    conversion.maxRunning = m_config.maxConversions;
    conversion.maxWaiting = m_config.maxWaitingConversions;
    conversion.maxOutputBytes = m_config.maxUploadMiB * 1024 * 1024;
    conversion.memoryBytes = m_config.conversionMemoryMiB * 1024 * 1024;
    conversion.archive.maxUnpackedBytes = m_config.maxUnpackedMiB * 1024 * 1024;
    m_converter = std::make_unique<services::OfficeConverter>(conversion);
    const QString converter = m_converter->resolveProgram();
    log::info(lcServer(),
        converter.isEmpty() ? QStringLiteral("office documents refused: LibreOffice not found")
                            : QStringLiteral("office documents converted"),
        {{QStringLiteral("program"), converter.isEmpty() ? conversion.program : converter}});
    m_documents = std::make_unique<services::DocumentService>(*m_service, *m_documentFiles,
        services::DocumentOptions {m_config.maxUploadMiB * 1024 * 1024}, m_converter.get());
    m_documentApi
        = std::make_unique<api::DocumentApi>(*m_rest, *m_service, *m_documents, *m_authenticator);
    m_documentApi->setAdmission(&m_hub->admission());
    m_documentApi->registerRoutes(*m_router);
    // Councils, tasks and the board (REST, WebSocket messages, board.changed pushes).
    m_councilApi = std::make_unique<api::CouncilApi>(
        *m_rest, *m_service, *m_councils, *m_documents, *m_clock);
    m_councilApi->registerRoutes(*m_router);
    m_councilApi->attach(*m_hub);
    m_accountApi->setLiaisonCheck([this](qint64 council, qint64 organisation) -> Status {
        const core::CouncilState *state = m_councils->council(council);
        if (!state)
            return services::councilNotFound(council);
        if (!state->organisation(organisation))
            return makeError(ErrorCode::NotFound,
                QStringLiteral("organisation %1 of council %2 does not exist")
                    .arg(organisation)
                    .arg(council),
                QStringLiteral("organisation"));
        return success();
    });
    m_pageRenderer = std::make_unique<services::PageRenderer>(
        services::PageRenderOptions {m_dataDir + QStringLiteral("/reader-cache")});
    if (auto status = m_pageRenderer->open(); !status)
        return status;
    m_readerApi = std::make_unique<api::ReaderApi>(*m_readerLinks, *m_service, *m_documentApi,
        *m_documentFiles, *m_pageRenderer,
        [this](const QString &token) { return readerLink(token); });
    m_readerApi->setAdmission(&m_hub->admission());
    m_readerApi->registerRoutes(*m_router);
    m_boardLinkApi = std::make_unique<api::BoardLinkApi>(
        *m_boardLinks, [this](const QString &token) { return boardLink(token); },
        [this](qint64 council) {
            const core::CouncilState *state = m_councils->council(council);
            return state ? state->name : QString();
        },
        m_hub.get());
    m_boardLinkApi->registerRoutes(*m_router);
    // A council's board changed (events, or a deadline passed on the clock): its board pages
    // fetch it again.
    connect(m_councils.get(), &services::CouncilService::boardChanged, m_hub.get(),
        [this](qint64 council, qint64 seq) {
            m_hub->pushToBoardLinks(council,
                protocol::toFrame(
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("board.changed")},
                        {QStringLiteral("council"), council}, {QStringLiteral("seq"), seq}}));
        });
    m_hub->setReaderLinkCreator([this](const services::Principal &principal, qint64 meeting,
                                    qint64 delegate, int ttlSeconds) {
        return m_readerApi->createLink(principal, meeting, delegate, ttlSeconds);
    });
    m_annotationFiles
        = std::make_unique<storage::AnnotationFiles>(m_dataDir + QStringLiteral("/annotations"));
    if (auto status = m_annotationFiles->open(); !status)
        return status;
    m_annotations = std::make_unique<services::AnnotationService>(
        [this](qint64 meeting) { return m_service->meeting(meeting); }, *m_annotationFiles,
        m_config.maxAnnotationKiB * 1024);
    m_annotationApi = std::make_unique<api::AnnotationApi>(*m_annotations);
    m_annotationApi->registerRoutes(*m_router);
    m_webAssets = std::make_unique<api::WebAssets>();
    api::WebAssets::registerRoutes(*m_router);
    log::info(lcServer(), QStringLiteral("web files loaded"),
        {{QStringLiteral("files"), qint64(m_webAssets->fileCount())}});
    startMedia();
    m_http = std::make_unique<api::HttpServer>(*m_router, *m_authenticator, m_documentApi.get());
    m_http->setReader(m_readerApi.get());
    m_http->setWebAssets(m_webAssets.get());
    connect(m_http.get(), &api::HttpServer::webSocketOpened, this,
        [this](edge::WsPeer *peer, const api::UpgradeRequest &upgrade) {
            m_hub->accept(peer, upgrade);
        });
    if (auto status = listen(); !status)
        return status;
    if (m_chainGuard)
        m_chainGuard->startFullCheck();
    return success();
}

Status ChamberServer::startAccounts()
{
    m_accounts = std::make_unique<services::AccountService>(m_store->database());
    if (auto status = m_accounts->load(); !status)
        return status;
    m_passwordHasher = std::make_unique<services::PasswordHasher>();
    m_authenticator->setAccounts(m_accounts.get());
    if (m_accounts->isEmpty()) {
        // No default password, ever: the first admin is made by whoever can read the admin
        // token, i.e. who administers this machine.
        log::warning(lcServer(),
            QStringLiteral("no accounts yet: create the first admin with "
                           "`chamberctl account add NAME --role admin` (it asks for the password)"),
            {{QStringLiteral("adminToken"), adminTokenPath(m_dataDir)}});
    } else {
        log::info(lcServer(), QStringLiteral("accounts loaded"),
            {{QStringLiteral("accounts"), qint64(m_accounts->accounts().size())},
                {QStringLiteral("sessions"), qint64(m_accounts->sessionCount())}});
    }
    return success();
}

void ChamberServer::startMedia()
{
    if (!m_config.mediaEnabled) {
        log::info(lcServer(), QStringLiteral("video bridges off ([media] enabled = false)"));
        return;
    }
    services::MediaOptions options;
    options.program = m_config.mediaProgram;
    if (options.program.isEmpty()) {
        // Installed side by side (bin/chamberd, bin/chamber-media), else on PATH.
        const QString beside
            = QCoreApplication::applicationDirPath() + QStringLiteral("/chamber-media");
        options.program = QFileInfo(beside).isExecutable()
            ? beside
            : QStandardPaths::findExecutable(QStringLiteral("chamber-media"));
        if (options.program.isEmpty())
            options.program = QStringLiteral("chamber-media"); // reported unavailable
    }
    // The range chamber-firewall opens (the config refuses --ice-ports in arguments).
    const PortRange ice = m_config.mediaIcePorts;
    options.arguments = m_config.mediaArguments
        + QStringList {
            QStringLiteral("--ice-ports"), QStringLiteral("%1-%2").arg(ice.first).arg(ice.last)};
    // Recording (issue 16): chamber-media records each speech's sound into
    // <data>/recordings (content-addressed <sha256>.ogg, partial/ while recording), and the
    // recording service writes recording.saved / recording.failed into the meetings' logs.
    options.recordingsDirectory = recordingsDirectory(m_dataDir);
    m_media = std::make_unique<services::MediaSupervisor>(options);
    m_recordings = std::make_unique<services::RecordingService>(*m_service, m_media.get());
    // End of recording.
    m_mediaRelay = std::make_unique<api::MediaRelay>(m_media.get(), *m_service);
    m_hub->setMediaRelay(m_mediaRelay.get());
    log::info(lcServer(), QStringLiteral("video bridges on"),
        {{QStringLiteral("program"), options.program},
            {QStringLiteral("arguments"), options.arguments.join(u' ')}});
    m_media->start();
}

Status ChamberServer::listen()
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(m_tls.certificate);
    tls.setPrivateKey(m_tls.key);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // devices authenticate inside the session
    edge::EdgeLimits limits = m_config.network;
    // Each connection is a descriptor; more connections than descriptors would stop accept.
    limits.maxConnections = qMin<qint64>(limits.maxConnections, raiseFileLimit() - 256);
    m_edge = std::make_unique<edge::EdgeServer>(limits, tls, m_dataDir + QStringLiteral("/spool"));
    m_http->serve(*m_edge);
    const QHostAddress address(m_config.listen.host);
    if (auto status = m_edge->listen(address, m_config.listen.port); !status)
        return status;
    log::info(lcServer(), QStringLiteral("listening"),
        {{QStringLiteral("address"), m_config.listen.host},
            {QStringLiteral("port"), int(m_edge->port())},
            {QStringLiteral("url"),
                QStringLiteral("https://%1:%2/").arg(m_config.listen.host).arg(m_edge->port())},
            {QStringLiteral("data"), m_dataDir}, {QStringLiteral("ioThreads"), limits.ioThreads},
            {QStringLiteral("maxConnections"), limits.maxConnections}});
    return success();
}

QString ChamberServer::publicHost() const
{
    if (!m_config.publicHost.isEmpty())
        return m_config.publicHost;
    const QHostAddress listen(m_config.listen.host);
    if (listen != QHostAddress::AnyIPv4 && listen != QHostAddress::AnyIPv6
        && listen != QHostAddress::Any)
        return m_config.listen.host;
    // Listening everywhere: offer the first address a tablet on the LAN can reach.
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()
            && !address.isLinkLocal())
            return address.toString();
    }
    return QStringLiteral("127.0.0.1");
}

Status ChamberServer::provideContext(const core::MeetingState &meeting,
    const protocol::Message &command, core::DecisionContext &context)
{
    const QString type = command.type();
    const qint64 poll = command.integer(QLatin1String("poll"));
    if (type == QLatin1String("poll.close") && meeting.polls.count(poll)) {
        auto ballots = m_ballots->ballots(meeting.id, poll);
        if (!ballots)
            return ballots.error();
        context.ballots = std::move(ballots.value());
    } else if (type == QLatin1String("poll.publish") && meeting.polls.count(poll)) {
        const QByteArray signature = m_signingKey->sign(
            protocol::resultSigningBytes(core::resultDocument(meeting, meeting.polls.at(poll))));
        if (signature.isEmpty())
            return makeError(ErrorCode::Internal, QStringLiteral("the result could not be signed"));
        context.signature = QString::fromLatin1(signature.toBase64());
        context.publicKey = QString::fromLatin1(m_signingKey->publicKey().toBase64());
    }
    return success();
}

QString ChamberServer::joinLink(const QString &token) const
{
    const protocol::JoinLink link {
        publicHost(), m_config.publicPort ? m_config.publicPort : port(), token, m_tls.pin};
    return link.toString();
}

QString ChamberServer::boardLink(const QString &token) const
{
    return api::boardLinkUrl(
        publicHost(), m_config.publicPort ? m_config.publicPort : port(), token);
}

QString ChamberServer::readerLink(const QString &token) const
{
    return protocol::ReaderLink {
        publicHost(), m_config.publicPort ? m_config.publicPort : port(), token}
        .toString();
}

void ChamberServer::stop()
{
    if (m_hub)
        m_hub->closeAll(QStringLiteral("shutdown"));
    if (m_edge)
        m_edge->stopListening();
    if (m_media)
        m_media->stop();
}

} // namespace chamber::app
