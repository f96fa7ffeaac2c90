#include "services/passwordhasher.h"

#include "services/passwordhash.h"

#include <QPointer>

#include <algorithm>

namespace chamber::services {

PasswordHasher::PasswordHasher(int threads, int maxWaiting, QObject *parent)
    : QObject(parent)
    , m_maxWaiting(maxWaiting)
{
    m_pool.setMaxThreadCount(std::max(1, threads));
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
}

bool PasswordHasher::run(std::function<QString()> work, std::function<void(QString)> done)
{
    if (m_pending >= m_maxWaiting)
        return false;
    ++m_pending;
    QPointer<PasswordHasher> self(this);
    m_pool.start([self, work = std::move(work), done = std::move(done)] {
        QString result = work();
        if (!self)
            return;
        // Back on the thread that owns the hasher (the main thread); dropped if it is gone.
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, result] {
                --self->m_pending;
                done(result);
            },
            Qt::QueuedConnection);
    });
    return true;
}

bool PasswordHasher::verify(
    const QString &password, const QString &stored, std::function<void(bool)> done)
{
    return run(
        [password, stored] {
            return verifyPassword(password, stored) ? QStringLiteral("1") : QString();
        },
        [done = std::move(done)](const QString &result) { done(!result.isEmpty()); });
}

bool PasswordHasher::hash(const QString &password, std::function<void(QString)> done)
{
    return run([password] { return hashPassword(password); }, std::move(done));
}

} // namespace chamber::services
