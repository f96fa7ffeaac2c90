// A running chamberd with one principal of every kind (the columns of authorizationtable.h),
// and the probes that ask it a route or a message as one of them.
#pragma once

#include "accounts.h"
#include "authorizationtable.h"
#include "restcall.h"
#include "serverprocess.h"

#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <array>
#include <memory>

namespace chamber::testing {

class WsClient;

namespace authorization {

// What an answer was, as a letter of the table: U, F, N or A; '?' when nothing answered.
char classifyStatus(int status);
char classifyReply(const QJsonObject &reply);

class Fixture
{
public:
    Fixture();
    ~Fixture();

    // Starts chamberd and makes a council with an organisation, meeting 1 of that council
    // (three delegates, an item, a document, a draft poll) and meeting 2 of none, and every
    // principal. False (with `problem` set) if any step fails.
    bool setUp();
    QString problem;

    ServerProcess server;
    qint64 council = 0; // meeting 1's council (meeting 2 has none)
    qint64 organisation = 0; // the liaison's organisation in it
    qint64 meeting = 0; // meeting 1
    qint64 otherMeeting = 0; // meeting 2
    qint64 seatDelegate = 0; // delegate 1, whose tablet is the seat column
    qint64 poll = 0;
    qint64 item = 0;
    QString documentSha;
    qint64 bridgeDevice = 0;
    std::array<QByteArray, Columns> credentials; // empty for none; a cookie for accounts
    std::array<QByteArray, Columns> csrf; // the account columns' CSRF tokens
    static constexpr const char *kAccountPassword = "mật khẩu đủ dài 2026";
    // The account of an account column, and its login again (after the logout probe).
    static QString accountName(Column column);
    bool logInAgain(Column column);

    // A REST call as `column` (bearer token, or cookie and CSRF token for accounts).
    RestResponse call(
        Column column, const QByteArray &method, const QString &path, const QByteArray &body = {});
    // The admin's REST call, for setting things up.
    RestResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {});
    // A route (as the server lists it: method and pattern) asked as `column`, with the probe's
    // captures and a body that does not parse.
    RestResponse probeRoute(const QString &method, const QString &pattern, Column column);
    // A message of `type` with every required field, asked as `column` (a session of its own
    // for each principal, opened again where the server closed it).
    QJsonObject probeMessage(const QString &type, Column column);
    // The message the probe sends: the schema's required fields with values that name meeting 1
    // and nothing else that exists (the seat's own delegate, the bridge's own site).
    QJsonObject probeBody(const QString &type, Column column) const;

    // A device of `meeting` enrolled with a join code from the admin; its credential.
    QByteArray enroll(qint64 meeting, const QString &role, qint64 delegate = 0);
    static qint64 deviceId(const QByteArray &credential);

private:
    WsClient *session(Column column);
    QTemporaryDir m_configDir;
    std::array<std::unique_ptr<WsClient>, Columns> m_sessions;
    QJsonObject m_refusedHello;
    int m_requests = 0;
};

} // namespace authorization
} // namespace chamber::testing
