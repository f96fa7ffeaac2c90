#include "authorizationfixture.h"

#include "chamberctlrun.h"
#include "enroll.h"
#include "pdfmaker.h"
#include "protocol/schema.h"
#include "wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace chamber::testing::authorization {

namespace {

// Ids that exist nowhere: a probe that gets through is answered "not found" and changes nothing.
constexpr qint64 kNowhere = 9999;

QJsonObject resultOf(const RestResponse &response)
{
    const QJsonObject json = response.json();
    return json.contains(QLatin1String("result")) ? json.value(QLatin1String("result")).toObject()
                                                  : json;
}

QJsonValue valueFor(const protocol::FieldSpec &field);

QJsonObject requiredFields(std::span<const protocol::FieldSpec> fields)
{
    QJsonObject object;
    for (const protocol::FieldSpec &field : fields) {
        if (field.required)
            object.insert(QLatin1String(field.name), valueFor(field));
    }
    return object;
}

// The smallest value the schema accepts (ids point nowhere).
QJsonValue valueFor(const protocol::FieldSpec &field)
{
    using protocol::FieldKind;
    switch (field.kind) {
    case FieldKind::Integer:
    case FieldKind::NullableInteger:
        return field.max >= kNowhere && field.min <= 1 ? kNowhere : field.min;
    case FieldKind::String:
        if (field.choices)
            return QString::fromLatin1(field.choices[0]);
        return QString(int(std::max<qint64>(field.min, 1)), u'A');
    case FieldKind::Boolean:
        return false;
    case FieldKind::Object:
        return requiredFields(field.fields);
    case FieldKind::Array:
        return QJsonArray();
    case FieldKind::Any:
        return QJsonValue();
    }
    return QJsonValue();
}

} // namespace

char classifyStatus(int status)
{
    switch (status) {
    case 0:
        return '?';
    case 401:
        return 'U';
    case 403:
        return 'F';
    case 404:
        return 'N';
    default:
        return 'A';
    }
}

char classifyReply(const QJsonObject &reply)
{
    const QString type = reply.value(QLatin1String("type")).toString();
    if (type.isEmpty())
        return '?';
    if (type != QLatin1String("error"))
        return 'A';
    const QString code = reply.value(QLatin1String("code")).toString();
    if (code == QLatin1String("unauthenticated"))
        return 'U';
    if (code == QLatin1String("forbidden"))
        return 'F';
    if (code == QLatin1String("not_found"))
        return 'N';
    return 'A';
}

Fixture::Fixture() = default;
Fixture::~Fixture() = default;

RestResponse Fixture::admin(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return restCall(method, server.baseUrl() + path, server.pin(), server.adminToken(), body);
}

QByteArray Fixture::enroll(qint64 meetingId, const QString &role, qint64 delegate)
{
    return enrollDevice(server, meetingId, role, delegate).toUtf8();
}

QString Fixture::accountName(Column column)
{
    switch (column) {
    case Secretary:
        return QStringLiteral("thư ký");
    case Observer:
        return QStringLiteral("Báo.Chí");
    case AdminAccount:
        return QStringLiteral("quản trị");
    case Liaison:
        return QStringLiteral("sở.tài.chính");
    default:
        return {};
    }
}

bool Fixture::logInAgain(Column column)
{
    const BrowserSession session
        = logIn(server, accountName(column), QString::fromUtf8(kAccountPassword));
    credentials[column] = session.cookie;
    csrf[column] = session.csrf;
    if (!session.ok())
        problem = QStringLiteral("login of %1 failed: %2 %3")
                      .arg(accountName(column))
                      .arg(session.login.status)
                      .arg(QString::fromUtf8(session.login.body));
    return session.ok();
}

RestResponse Fixture::call(
    Column column, const QByteArray &method, const QString &path, const QByteArray &body)
{
    if (isAccountColumn(column))
        return restCall(method, server.baseUrl() + path, server.pin(), {}, body,
            {{"Cookie", "chamber_session=" + credentials[column]}, {"X-CSRF-Token", csrf[column]}});
    return restCall(method, server.baseUrl() + path, server.pin(), credentials[column], body);
}

qint64 Fixture::deviceId(const QByteArray &credential)
{
    // d<id>.<secret>
    return credential.mid(1, credential.indexOf('.') - 1).toLongLong();
}

bool Fixture::setUp()
{
    // The probes present hundreds of wrong, revoked and reader tokens from 127.0.0.1 on
    // purpose; what is tested is the answer to each, so the address never has to wait.
    const QString config = writeTestFile(
        m_configDir, QStringLiteral("chamberd.conf"), "[limits]\nauth-failures = 1000000\n");
    if (!server.start({QStringLiteral("--config"), config})) {
        problem = QStringLiteral("chamberd did not start: ") + QString::fromUtf8(server.log());
        return false;
    }
    council = resultOf(admin("POST", QStringLiteral("/api/v1/councils"),
                           QJsonDocument(QJsonObject {{QStringLiteral("name"),
                                             QStringLiteral("HĐND tỉnh Tiền Giang khóa X")}})
                               .toJson()))
                  .value(QLatin1String("council"))
                  .toInteger();
    organisation = resultOf(
        admin("POST", QStringLiteral("/api/v1/councils/%1/organisations").arg(council),
            QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("Sở Tài chính")}})
                .toJson()))
                       .value(QLatin1String("organisation"))
                       .toInteger();
    if (council < 1 || organisation < 1) {
        problem = QStringLiteral("creating the council or its organisation failed");
        return false;
    }
    const auto create = [this](const char *title, qint64 ofCouncil) {
        QJsonObject body {{QStringLiteral("title"), QString::fromUtf8(title)}};
        if (ofCouncil)
            body.insert(QStringLiteral("council"), ofCouncil);
        return resultOf(
            admin("POST", QStringLiteral("/api/v1/meetings"), QJsonDocument(body).toJson()))
            .value(QLatin1String("meeting"))
            .toInteger();
    };
    meeting = create("Kỳ họp thứ nhất", council);
    otherMeeting = create("Kỳ họp thứ hai", 0);
    const QString base = QStringLiteral("/api/v1/meetings/%1").arg(meeting);
    std::vector<qint64> delegates;
    for (const char *name : {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}) {
        delegates.push_back(resultOf(
            admin("POST", base + QStringLiteral("/delegates"),
                QJsonDocument(QJsonObject {{QStringLiteral("name"), QString::fromUtf8(name)}})
                    .toJson()))
                                .value(QLatin1String("delegate"))
                                .toInteger());
    }
    const qint64 otherDelegate
        = resultOf(admin("POST", QStringLiteral("/api/v1/meetings/%1/delegates").arg(otherMeeting),
                       R"({"name":"Phạm Thị Dung"})"))
              .value(QLatin1String("delegate"))
              .toInteger();
    item = resultOf(admin("POST", base + QStringLiteral("/agenda"), R"({"title":"Tờ trình"})"))
               .value(QLatin1String("item"))
               .toInteger();
    poll = resultOf(
        admin("POST", base + QStringLiteral("/polls"),
            R"({"title":"Thông qua nghị quyết","rule":{"preset":"majority-of-members"}})"))
               .value(QLatin1String("poll"))
               .toInteger();
    const RestResponse uploaded
        = admin("POST", base + QStringLiteral("/items/%1/documents?name=to-trinh.pdf").arg(item),
            makeTextPdf(QStringLiteral("Tờ trình"), QStringLiteral("Nội dung tờ trình.")));
    documentSha = uploaded.json()
                      .value(QLatin1String("document"))
                      .toObject()
                      .value(QLatin1String("sha256"))
                      .toString();
    if (meeting < 1 || otherMeeting < 1 || delegates.size() != 3 || delegates.front() < 1
        || otherDelegate < 1 || item < 1 || poll < 1 || documentSha.size() != 64) {
        problem = QStringLiteral("meeting setup failed (upload: %1)")
                      .arg(QString::fromUtf8(uploaded.body));
        return false;
    }
    seatDelegate = delegates.front();

    credentials[Wrong] = QByteArray("d1.") + QByteArray(43, 'x');
    credentials[Admin] = server.adminToken();
    credentials[Seat] = enroll(meeting, QStringLiteral("delegate"), seatDelegate);
    credentials[Chair] = enroll(meeting, QStringLiteral("chair"));
    credentials[Tally] = enroll(meeting, QStringLiteral("tally"));
    credentials[Bridge] = enroll(meeting, QStringLiteral("bridge"));
    credentials[Revoked] = enroll(meeting, QStringLiteral("delegate"), delegates.at(1));
    credentials[Other] = enroll(otherMeeting, QStringLiteral("chair"));
    credentials[BoardScreen] = enroll(meeting, QStringLiteral("board"));
    if (credentials[BoardScreen].isEmpty()) {
        problem = QStringLiteral("enrolling the board screen failed");
        return false;
    }
    for (int column = Seat; column <= Other; ++column) {
        if (credentials[column].isEmpty()) {
            problem
                = QStringLiteral("enrolling %1 failed").arg(QLatin1String(kColumnNames[column]));
            return false;
        }
    }
    bridgeDevice = deviceId(credentials[Bridge]);
    const RestResponse revoked
        = admin("DELETE", base + QStringLiteral("/devices/%1").arg(deviceId(credentials[Revoked])));
    const RestResponse link = admin("POST", base + QStringLiteral("/reader-links"),
        QJsonDocument(QJsonObject {{QStringLiteral("delegate"), seatDelegate}}).toJson());
    const QString url = resultOf(link).value(QLatin1String("url")).toString();
    credentials[Reader] = QUrl(url).fragment().section(u'=', 1).toUtf8();
    if (revoked.status != 200 || credentials[Reader].size() < 16) {
        problem = QStringLiteral("revoking or the reader link failed: %1 %2")
                      .arg(QString::fromUtf8(revoked.body), QString::fromUtf8(link.body));
        return false;
    }
    const std::pair<Column, const char *> accounts[]
        = {{Secretary, "secretary"}, {Observer, "observer"}, {AdminAccount, "admin"}};
    for (const auto &[column, role] : accounts) {
        const RestResponse created = createAccount(server, accountName(column),
            QString::fromLatin1(role), QString::fromUtf8(kAccountPassword));
        if (created.status != 201) {
            problem = QStringLiteral("creating the %1 account failed: %2")
                          .arg(QLatin1String(role), QString::fromUtf8(created.body));
            return false;
        }
        if (!logInAgain(column))
            return false;
    }
    const RestResponse liaison = admin("POST", QStringLiteral("/api/v1/accounts"),
        QJsonDocument(QJsonObject {{QStringLiteral("name"), accountName(Liaison)},
                          {QStringLiteral("role"), QStringLiteral("liaison")},
                          {QStringLiteral("council"), council},
                          {QStringLiteral("organisation"), organisation},
                          {QStringLiteral("password"), QString::fromUtf8(kAccountPassword)}})
            .toJson());
    if (liaison.status != 201) {
        problem = QStringLiteral("creating the liaison account failed: %1")
                      .arg(QString::fromUtf8(liaison.body));
        return false;
    }
    return logInAgain(Liaison);
}

RestResponse Fixture::probeRoute(const QString &method, const QString &pattern, Column column)
{
    QStringList segments = pattern.split(u'/');
    for (QString &segment : segments) {
        if (segment == QLatin1String("{meeting}"))
            segment = QString::number(meeting);
        else if (segment == QLatin1String("{council}"))
            segment = QString::number(council);
        else if (segment == QLatin1String("{sha256}"))
            segment = documentSha;
        else if (segment == QLatin1String("{sha256}.ogg"))
            segment = documentSha + QStringLiteral(".ogg"); // a hash, but no recording's
        else if (segment == QLatin1String("{poll}"))
            segment = QString::number(poll);
        else if (segment == QLatin1String("{page}"))
            segment = QStringLiteral("1");
        else if (segment == QLatin1String("{delegate}"))
            segment = QString::number(column == Seat ? seatDelegate : kNowhere);
        else if (segment.startsWith(u'{'))
            segment = QString::number(kNowhere);
    }
    const bool hasBody = method == QLatin1String("POST") || method == QLatin1String("PUT")
        || method == QLatin1String("PATCH");
    const RestResponse response = call(
        column, method.toLatin1(), segments.join(u'/'), hasBody ? QByteArray("{") : QByteArray());
    // The logout probe ended the session it asked with: the next probes need a new one.
    if (isAccountColumn(column) && method == QLatin1String("DELETE")
        && pattern == QLatin1String("/api/v1/session"))
        logInAgain(column);
    return response;
}

QJsonObject Fixture::probeBody(const QString &type, Column column) const
{
    const protocol::MessageSpec *spec = protocol::findMessage(type, protocol::Direction::ToServer);
    if (!spec)
        return {};
    QJsonObject message = requiredFields(spec->fields);
    message.insert(QStringLiteral("type"), type);
    if (message.contains(QLatin1String("meeting")))
        message.insert(QStringLiteral("meeting"), meeting);
    if (message.contains(QLatin1String("council")))
        message.insert(QStringLiteral("council"), council);
    for (const protocol::FieldSpec &field : spec->fields) {
        const QLatin1String name(field.name);
        // The seat acts for its own delegate and the bridge for its own site, so the probe
        // tests what the role may do, not whose behalf (that has named tests).
        if (name == QLatin1String("delegate") && column == Seat)
            message.insert(name, seatDelegate);
        else if (name == QLatin1String("bridge") && column == Bridge)
            message.insert(name, bridgeDevice);
    }
    if (type == QLatin1String("hello"))
        message.insert(QStringLiteral("credential"), QStringLiteral("not-a-credential"));
    return message;
}

WsClient *Fixture::session(Column column)
{
    std::unique_ptr<WsClient> &client = m_sessions[column];
    // Without a credential every probe gets a connection of its own: a refused hello closes it.
    if (client && client->isConnected() && column != None)
        return client.get();
    client = std::make_unique<WsClient>(server.pin());
    // A browser's socket: the session cookie goes with the upgrade, hello names it "session".
    if (isAccountColumn(column))
        client->setUpgradeHeaders({{"Cookie", "chamber_session=" + credentials[column]}});
    if (!client->open(server.wsUrl()))
        return nullptr;
    if (column == None)
        return client.get();
    const QJsonObject hello = client->request({{QStringLiteral("type"), QStringLiteral("hello")},
        {QStringLiteral("protocol"), protocol::kProtocolVersion},
        {QStringLiteral("credential"),
            isAccountColumn(column) ? QStringLiteral("session")
                                    : QString::fromUtf8(credentials[column])}});
    if (hello.value(QLatin1String("type")).toString() != QLatin1String("ok")) {
        // The server refused the credential and closes: the answer to whatever would follow.
        m_refusedHello = hello;
        return nullptr;
    }
    return client.get();
}

QJsonObject Fixture::probeMessage(const QString &type, Column column)
{
    m_refusedHello = {};
    WsClient *client = session(column);
    if (!client)
        return m_refusedHello;
    QJsonObject message = probeBody(type, column);
    message.insert(QStringLiteral("id"), QStringLiteral("probe-%1").arg(++m_requests));
    return client->request(message);
}

} // namespace chamber::testing::authorization
