// chamberd assembled: data directory, event store, services, TLS listener, REST and WebSocket.
#pragma once

#include "app/config.h"
#include "app/tlsidentity.h"
#include "protocol/ed25519.h"

#include "protocol/error.h"
#include <optional>

#include <QObject>

#include <memory>

namespace chamber::core {
struct MeetingState;
struct DecisionContext;
} // namespace chamber::core
namespace chamber::protocol {
struct Message;
}
namespace chamber::storage {
class AnnotationFiles;
class DocumentFiles;
class EventStore;
} // namespace chamber::storage
namespace chamber::services {
class AccountService;
class AnnotationService;
class PasswordHasher;
class Authenticator;
class BallotService;
class DocumentService;
class DeviceRegistry;
class EnrollmentService;
class MeetingService;
class Clock;
class CouncilService;
class BoardLinkService;
class PageRenderer;
class ReaderLinkService;
class OfficeConverter;
class MediaSupervisor;
class RecordingService;
} // namespace chamber::services

namespace chamber::edge {
class EdgeServer;
}

namespace chamber::api {
class AccountApi;
class AnnotationApi;
class CouncilApi;
class SessionApi;
class DocumentApi;
class MediaRelay;
class EnrollmentApi;
class ReaderApi;
class BoardLinkApi;
class VotingApi;
class HttpServer;
class Router;
class RestApi;
class WebSocketHub;
class WebAssets;
class QrApi;
// Minutes (issue 16, server helper).
class ChildRenderer;
class MinutesApi;
} // namespace chamber::api

namespace chamber::app {

class ChainGuard;

class ChamberServer : public QObject
{
    Q_OBJECT

public:
    explicit ChamberServer(ServerConfig config, QObject *parent = nullptr);
    ~ChamberServer() override;

    // Opens storage, checks the event log's hash chain (refusing a broken one unless
    // configured to accept it), rebuilds state from the log, seeds the demo if asked, creates
    // or loads the TLS identity and admin token, starts listening, then checks the whole chain
    // again in the background.
    Status start();
    // Says bye to every client and stops listening. The store closes with the object.
    void stop();

    quint16 port() const;
    // One line for `systemctl status`: "serving on 0.0.0.0:8443, 2 meetings, video bridges off".
    QString statusLine() const;
    QString dataDirectory() const { return m_dataDir; }
    const TlsIdentity &tlsIdentity() const { return m_tls; }
    services::CouncilService *councils() const { return m_councils.get(); }
    // The meetings' service: tests append the events the server decides itself (recordings).
    services::MeetingService *meetingService() const { return m_service.get(); }
    const services::Clock &clock() const { return *m_clock; }

    static QString defaultDataDirectory();
    static QString adminTokenPath(const QString &dataDir);
    static QString databasePath(const QString &dataDir);
    static QString tlsDirectory(const QString &dataDir);
    // Where chamber-media records the speeches (issue 16): <sha256>.ogg, partial/ meanwhile.
    static QString recordingsDirectory(const QString &dataDir);

Q_SIGNALS:
    // The check of every event after start is done (not sent when the chain is not checked).
    void chainChecked(bool intact);

private:
    Result<QByteArray> loadOrCreateAdminToken();
    Status listen();
    // Named accounts; with none yet, says (log and journal) how to create the first admin.
    Status startAccounts();
    // Host and port for join QR codes (see ServerConfig::publicHost).
    QString publicHost() const;
    QString joinLink(const QString &token) const;
    QString readerLink(const QString &token) const;
    QString boardLink(const QString &token) const;
    // Fills in what closing and publishing polls need beyond the meeting's state.
    // chamber-media as a supervised child, when [media] enabled.
    void startMedia();
    Status provideContext(const core::MeetingState &meeting, const protocol::Message &command,
        core::DecisionContext &context);

    ServerConfig m_config;
    QString m_dataDir;
    TlsIdentity m_tls;
    std::unique_ptr<storage::EventStore> m_store;
    std::unique_ptr<services::Clock> m_clock; // before the services that read it
    std::unique_ptr<services::MeetingService> m_service;
    std::unique_ptr<services::CouncilService> m_councils;
    std::unique_ptr<services::DeviceRegistry> m_devices;
    std::unique_ptr<services::BallotService> m_ballots;
    std::optional<protocol::Ed25519Key> m_signingKey;
    std::unique_ptr<ChainGuard> m_chainGuard;
    std::unique_ptr<services::EnrollmentService> m_enrollment;
    std::unique_ptr<services::AccountService> m_accounts;
    std::unique_ptr<services::PasswordHasher> m_passwordHasher;
    std::unique_ptr<services::Authenticator> m_authenticator;
    std::unique_ptr<api::Router> m_router;
    std::unique_ptr<api::RestApi> m_rest;
    std::unique_ptr<api::SessionApi> m_sessionApi;
    std::unique_ptr<api::AccountApi> m_accountApi;
    std::unique_ptr<api::EnrollmentApi> m_enrollmentApi;
    // Minutes (issue 16): the renderer is shared by seat cards and minutes, so it outlives both.
    std::unique_ptr<api::ChildRenderer> m_childRenderer;
    std::unique_ptr<api::MinutesApi> m_minutesApi;
    std::unique_ptr<api::QrApi> m_qrApi;
    std::unique_ptr<api::VotingApi> m_votingApi;
    std::unique_ptr<storage::DocumentFiles> m_documentFiles;
    std::unique_ptr<services::OfficeConverter> m_converter;
    std::unique_ptr<services::DocumentService> m_documents;
    std::unique_ptr<api::DocumentApi> m_documentApi;
    std::unique_ptr<api::CouncilApi> m_councilApi; // after DocumentService, which it stores with
    std::unique_ptr<services::ReaderLinkService> m_readerLinks;
    std::unique_ptr<services::PageRenderer> m_pageRenderer;
    std::unique_ptr<api::ReaderApi> m_readerApi;
    std::unique_ptr<services::BoardLinkService> m_boardLinks;
    std::unique_ptr<api::BoardLinkApi> m_boardLinkApi;
    std::unique_ptr<storage::AnnotationFiles> m_annotationFiles;
    std::unique_ptr<services::AnnotationService> m_annotations;
    std::unique_ptr<api::AnnotationApi> m_annotationApi;
    std::unique_ptr<services::MediaSupervisor> m_media;
    std::unique_ptr<services::RecordingService> m_recordings; // recording (issue 16)
    std::unique_ptr<api::MediaRelay> m_mediaRelay;
    std::unique_ptr<api::WebSocketHub> m_hub;
    std::unique_ptr<api::WebAssets> m_webAssets;
    std::unique_ptr<api::HttpServer> m_http;
    std::unique_ptr<edge::EdgeServer> m_edge;
};

} // namespace chamber::app
