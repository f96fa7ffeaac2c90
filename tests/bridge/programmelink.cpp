#include "programmelink.h"

namespace chamber::testing {

using media::SignalMessage;

namespace {
SignalMessage throughJson(const SignalMessage &message)
{
    auto parsed = media::parseSignal(media::toJson(message));
    return parsed ? parsed.value() : SignalMessage::failure(message.peer, parsed.error());
}
} // namespace

ProgrammeLink::ProgrammeLink(QString peer, QObject *parent)
    : MediaLink(parent)
    , m_peer(std::move(peer))
{ }

void ProgrammeLink::setSender(media::ProgrammeSender *sender)
{
    if (m_sender)
        m_sender->disconnect(this);
    m_sender = sender;
    if (!m_sender)
        return;
    connect(
        m_sender, &media::ProgrammeSender::outgoing, this, [this](const SignalMessage &message) {
            if (message.type == media::SignalType::Error)
                m_errors << message.error.message;
            if (message.type == media::SignalType::PeerRemoved && message.peer == m_peer
                && m_joinAfterRemoval) {
                m_joinAfterRemoval = false;
                // The sender forgets the peer right after saying so.
                QMetaObject::invokeMethod(this, &ProgrammeLink::addPeer, Qt::QueuedConnection);
            }
            // As chamberd relays: only what is meant for this bridge, only while connected.
            if (m_online && message.peer == m_peer && media::isForBridge(message))
                emit received(throughJson(message));
        });
}

void ProgrammeLink::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    // chamberd removes the peer of a closed session.
    if (!online && m_sender && m_sender->peers().contains(m_peer))
        (void)m_sender->removePeer(m_peer);
    emit onlineChanged();
}

void ProgrammeLink::join()
{
    ++m_joins;
    if (!m_sender)
        return;
    // Joining again re-creates the programme connection, as chamberd does: the old branch
    // goes first (peer-removed), then the new one.
    if (m_sender->peers().contains(m_peer)) {
        m_joinAfterRemoval = true;
        (void)m_sender->removePeer(m_peer);
        return;
    }
    addPeer();
}

void ProgrammeLink::addPeer()
{
    if (!m_sender)
        return;
    // Still on its way out (the session closed just before): added once it is gone.
    if (auto added = m_sender->addPeer(m_peer); !added) {
        if (added.error().code == ErrorCode::Conflict)
            m_joinAfterRemoval = true;
        else
            m_errors << added.error().message;
    }
}

void ProgrammeLink::leave()
{
    if (m_sender && m_sender->peers().contains(m_peer))
        (void)m_sender->removePeer(m_peer);
}

void ProgrammeLink::send(const SignalMessage &message)
{
    if (!m_online || !m_sender)
        return;
    if (auto handled = m_sender->handle(throughJson(message)); !handled)
        m_errors << handled.error().message;
}

} // namespace chamber::testing
