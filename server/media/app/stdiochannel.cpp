#include "media/app/stdiochannel.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace chamber::media {

StdioChannel::StdioChannel(QObject *parent)
    : QObject(parent)
    , m_notifier(STDIN_FILENO, QSocketNotifier::Read)
{
    ::fcntl(STDIN_FILENO, F_SETFL, ::fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
    connect(&m_notifier, &QSocketNotifier::activated, this, &StdioChannel::readAvailable);
}

void StdioChannel::send(const SignalMessage &message)
{
    const QByteArray line = toJson(message) + '\n';
    // Blocking write of one whole line: the parent reads lines, a torn one would be garbage.
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void StdioChannel::readAvailable()
{
    char chunk[16384];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_notifier.setEnabled(false);
            emit closed();
            return;
        }
        m_buffer.append(chunk, n);
        qsizetype newline;
        while ((newline = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            if (m_discarding)
                m_discarding = false;
            else
                handleLine(line);
        }
        if (m_buffer.size() > kMaxSignalBytes) {
            // Answer once per overlong line and skip the rest of it, without holding it.
            if (!m_discarding)
                send(SignalMessage::failure({},
                    makeError(ErrorCode::TooLarge,
                        QStringLiteral("line longer than %1 bytes").arg(kMaxSignalBytes))));
            m_discarding = true;
            m_buffer.clear();
        }
    }
}

void StdioChannel::handleLine(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return;
    auto message = parseSignal(line);
    if (!message) {
        send(SignalMessage::failure({}, message.error()));
        return;
    }
    emit received(*message);
}

} // namespace chamber::media
