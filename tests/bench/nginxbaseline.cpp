#include "nginxbaseline.h"

#include "processinfo.h"

#include "childprocess.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace chamber::bench {

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString findNginx()
{
    QString found = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(
            QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")});
    return found;
}

} // namespace

NginxBaseline::~NginxBaseline()
{
    stop();
}

QString NginxBaseline::start(const QString &certificate, const QString &key,
    const QList<QPair<QString, QString>> &documents, int workers)
{
    const QString nginx = findNginx();
    if (nginx.isEmpty())
        return QStringLiteral("nginx is not installed (apt-get install nginx)");
    QDir dir(m_dir.path());
    for (const char *sub : {"www/docs", "temp", "logs"})
        dir.mkpath(QLatin1String(sub));
    for (const auto &[name, path] : documents) {
        if (!QFile::copy(path, dir.filePath(QStringLiteral("www/docs/") + name)))
            return QStringLiteral("cannot copy %1").arg(path);
    }
    m_port = freeLoopbackPort();
    const QByteArray root = m_dir.path().toUtf8();
    // As root, nginx's workers would run as nobody and could not read the temporary files.
    const QByteArray user = ::geteuid() == 0 ? "user root;\n" : "";
    const QByteArray config = user + "worker_processes " + QByteArray::number(workers)
        + ";\n"
          "daemon off;\n"
          "master_process on;\n"
          "pid "
        + root + "/nginx.pid;\nerror_log " + root
        + "/logs/error.log warn;\n"
          "events { worker_connections 4096; }\n"
          "http {\n"
          "  access_log off;\n"
          "  client_body_temp_path "
        + root + "/temp/body;\n  proxy_temp_path " + root + "/temp/proxy;\n  fastcgi_temp_path "
        + root + "/temp/fastcgi;\n  uwsgi_temp_path " + root + "/temp/uwsgi;\n  scgi_temp_path "
        + root
        + "/temp/scgi;\n"
          "  sendfile on;\n"
          "  tcp_nopush on;\n"
          "  default_type application/pdf;\n"
          "  server {\n"
          "    listen 127.0.0.1:"
        + QByteArray::number(m_port)
        + " ssl;\n"
          "    ssl_certificate "
        + certificate.toUtf8() + ";\n    ssl_certificate_key " + key.toUtf8()
        + ";\n"
          "    ssl_protocols TLSv1.2 TLSv1.3;\n"
          "    root "
        + root
        + "/www;\n"
          "  }\n"
          "}\n";
    QFile file(dir.filePath(QStringLiteral("nginx.conf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
        return QStringLiteral("cannot write the nginx configuration");
    file.close();
    chamber::testing::dieWithTest(m_process);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(nginx,
        {QStringLiteral("-p"), m_dir.path(), QStringLiteral("-c"), file.fileName(),
            QStringLiteral("-e"), dir.filePath(QStringLiteral("logs/error.log"))});
    if (!m_process.waitForStarted(5000))
        return QStringLiteral("nginx did not start: ") + m_process.errorString();
    // Ready once the port answers.
    for (int attempt = 0; attempt < 100; ++attempt) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(100)) {
            QThread::msleep(200); // the workers are forked by now
            m_processes = findProcesses();
            return {};
        }
        if (m_process.state() != QProcess::Running)
            break;
        QThread::msleep(50);
    }
    QFile log(dir.filePath(QStringLiteral("logs/error.log")));
    log.open(QIODevice::ReadOnly);
    return QStringLiteral("nginx is not listening: ") + QString::fromUtf8(log.readAll());
}

void NginxBaseline::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM: fast shutdown, workers too
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QList<qint64> NginxBaseline::findProcesses() const
{
    const qint64 master = m_process.processId();
    QList<qint64> pids {master};
    // The workers are the master's children.
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == master)
            pids << pid;
    }
    return pids;
}

double NginxBaseline::rssMiB() const
{
    double total = 0;
    for (const qint64 pid : m_processes)
        total += processMemoryMiB(pid);
    return total;
}

double NginxBaseline::cpuSeconds() const
{
    double total = 0;
    for (const qint64 pid : m_processes)
        total += processCpuSeconds(pid);
    return total;
}

QString NginxBaseline::version() const
{
    QProcess probe;
    chamber::testing::dieWithTest(probe);
    probe.start(findNginx(), {QStringLiteral("-v")});
    probe.waitForFinished(5000);
    return QString::fromUtf8(probe.readAllStandardError()).trimmed();
}

} // namespace chamber::bench
