#include "kioskmedialink.h"

#include "kioskstate.h"
#include "media/gstsupport.h"

#include <QJsonDocument>

namespace chamber::kiosk {

namespace {
const QLatin1String kType("type");
} // namespace

KioskMediaLink::KioskMediaLink(KioskState *kiosk, QObject *parent)
    : MediaLink(parent)
    , m_kiosk(kiosk)
{
    if (!m_kiosk)
        return;
    // The connection object is made on joining and dropped on revocation; both change the phase.
    connect(m_kiosk, &KioskState::phaseChanged, this, &KioskMediaLink::bind);
    connect(m_kiosk, &KioskState::connectionChanged, this, &MediaLink::onlineChanged);
    bind();
}

void KioskMediaLink::bind()
{
    Connection *current = m_kiosk ? m_kiosk->connection() : nullptr;
    if (current == m_connection)
        return;
    for (const auto &binding : std::as_const(m_bindings))
        disconnect(binding);
    m_bindings.clear();
    m_connection = current;
    if (m_connection)
        m_bindings << connect(
            m_connection, &Connection::mediaPush, this, &KioskMediaLink::handlePush);
    emit onlineChanged();
}

bool KioskMediaLink::isOnline() const
{
    return m_connection && m_connection->state() == Connection::State::Online;
}

QString KioskMediaLink::peer() const
{
    return m_kiosk ? QStringLiteral("d%1").arg(m_kiosk->identity().device) : QString();
}

void KioskMediaLink::request(
    const QString &type, QJsonObject fields, std::function<void(const QJsonObject &)> onOk)
{
    if (!m_connection || !m_kiosk)
        return;
    fields.insert(kType, type);
    fields.insert(QStringLiteral("meeting"), m_kiosk->identity().meeting);
    const bool sent = m_connection->request(
        fields, [this, type, onOk = std::move(onOk)](const QJsonObject &reply) {
            if (reply.value(kType).toString() != QLatin1String("error")) {
                if (onOk)
                    onOk(reply.value(QLatin1String("result")).toObject());
                return;
            }
            const QString code = reply.value(QLatin1String("code")).toString();
            const QString message = reply.value(QLatin1String("message")).toString();
            qCWarning(media::lcMedia).noquote() << type << "refused:" << code << message;
            emit refused(code, message);
        });
    if (!sent)
        qCInfo(media::lcMedia).noquote() << "offline; not sent:" << type;
}

void KioskMediaLink::join()
{
    // The answer says how chamber-media is and who has the floor now; later changes come as
    // media.status and media.floor pushes.
    request(QStringLiteral("media.join"), {}, [this](const QJsonObject &result) {
        if (const QString state = result.value(QLatin1String("state")).toString(); !state.isEmpty())
            emit serviceStateChanged(state);
        emit floorChanged(result.value(QLatin1String("floor")).toString());
    });
}

void KioskMediaLink::leave()
{
    request(QStringLiteral("media.leave"));
}

void KioskMediaLink::send(const media::SignalMessage &message)
{
    const QJsonObject signal = QJsonDocument::fromJson(media::toJson(message)).object();
    request(QStringLiteral("media.signal"), {{QStringLiteral("signal"), signal}});
}

void KioskMediaLink::handlePush(const QString &type, const QJsonObject &body)
{
    if (type == QLatin1String("media.signal")) {
        // Checked as strictly as chamber-media checks what it gets: this goes to webrtcbin.
        const QByteArray json = QJsonDocument(body.value(QLatin1String("signal")).toObject())
                                    .toJson(QJsonDocument::Compact);
        auto message = media::parseSignal(json);
        if (!message) {
            qCWarning(media::lcMedia).noquote()
                << "unreadable media.signal from the server:" << message.error().message;
            return;
        }
        emit received(message.value());
    } else if (type == QLatin1String("media.floor")) {
        emit floorChanged(body.value(QLatin1String("peer")).toString());
    } else if (type == QLatin1String("media.status")) {
        emit serviceStateChanged(body.value(QLatin1String("state")).toString());
    }
}

} // namespace chamber::kiosk
