#include "services/clock.h"

#include <QFile>
#include <QLoggingCategory>

namespace chamber::services {

Q_LOGGING_CATEGORY(lcClock, "chamber.clock")

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

FileClock::FileClock(QString path)
    : m_path(std::move(path))
{ }

QDateTime FileClock::now() const
{
    QFile file(m_path);
    QDateTime read;
    if (file.open(QIODevice::ReadOnly)) {
        const QString line = QString::fromUtf8(file.readLine(200)).trimmed();
        read = QDateTime::fromString(line, Qt::ISODateWithMs);
        if (read.isValid() && read.timeSpec() == Qt::LocalTime)
            read = {}; // an instant needs its offset
    }
    if (read.isValid()) {
        m_last = read.toUTC();
        m_warned = false;
        return m_last;
    }
    if (!m_warned) {
        qCWarning(lcClock).noquote()
            << "test clock" << m_path << "holds no ISO 8601 instant; keeping the last one";
        m_warned = true;
    }
    return m_last.isValid() ? m_last : QDateTime::currentDateTimeUtc();
}

} // namespace chamber::services
