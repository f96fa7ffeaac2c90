// REST for voting and speaking: polls (create, open, close, publish, progress, signed result),
// proxies, the speaker list, and the server's public keys.
#pragma once

#include "api/router.h"

#include <functional>

namespace chamber::services {
class BallotService;
class MeetingService;
} // namespace chamber::services

namespace chamber::api {

class RestApi;

struct ServerKeys
{
    QByteArray tlsPin; // SHA-256 of the TLS key's SubjectPublicKeyInfo
    QByteArray signingKey; // raw Ed25519 public key results are signed with
    // The certificate minutes PDFs are signed with (issue 16): its SHA-256 (lower-case hex),
    // which people compare, and the PEM, which `chamberctl verify --cert` takes.
    QString minutesCertificateSha256;
    QByteArray minutesCertificatePem;
};

class VotingApi
{
public:
    VotingApi(RestApi &rest, services::MeetingService &meetings, services::BallotService &ballots,
        ServerKeys keys);
    void registerRoutes(Router &router);

private:
    HttpReply poll(const RouteContext &context) const;
    HttpReply result(const RouteContext &context) const;

    RestApi &m_rest;
    services::MeetingService &m_meetings;
    services::BallotService &m_ballots;
    ServerKeys m_keys;
};

} // namespace chamber::api
