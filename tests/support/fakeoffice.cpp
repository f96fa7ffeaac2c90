// A stand-in for LibreOffice's soffice in office conversion tests, run with the arguments
// chamberd gives soffice after a mode chosen by a wrapper script:
//   fake-office hog MIB ...   allocates and touches MIB MiB, then writes a PDF: stopped by the
//                             conversion's memory limit when that is lower
//   fake-office pipe FILE ... binds LibreOffice's single-instance socket for the profile it is
//                             given, in /tmp as LibreOffice does, writes its path to FILE and
//                             waits to be killed
#include "services/officeprocess.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

QString argumentAfter(int argc, char **argv, const char *name)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return QString::fromLocal8Bit(argv[i + 1]);
    }
    return {};
}

QString profileUrl(int argc, char **argv)
{
    const QByteArray prefix("-env:UserInstallation=");
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]).startsWith(prefix))
            return QString::fromLocal8Bit(argv[i] + prefix.size());
    }
    return {};
}

int writePdf(int argc, char **argv)
{
    QFile pdf(argumentAfter(argc, argv, "--outdir") + QStringLiteral("/document.pdf"));
    if (!pdf.open(QIODevice::WriteOnly))
        return 2;
    pdf.write("%PDF-1.4 from fake-office\n");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3)
        return 64;
    const QByteArray mode(argv[1]);
    if (mode == "hog") {
        const size_t bytes = size_t(std::atoll(argv[2])) * 1024 * 1024;
        std::unique_ptr<char[]> memory(new char[bytes]); // std::bad_alloc: abort (SIGABRT)
        for (size_t at = 0; at < bytes; at += 4096)
            memory[at] = char(at);
        std::printf("allocated %zu bytes\n", bytes);
        return writePdf(argc, argv);
    }
    if (mode == "pipe") {
        const QByteArray path = "/tmp/"
            + QFile::encodeName(chamber::services::officePipeName(profileUrl(argc, argv)));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path.constData(), sizeof(address.sun_path) - 1);
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0
            || ::listen(fd, 1) != 0)
            return 3;
        QFile record(QString::fromLocal8Bit(argv[2]));
        if (!record.open(QIODevice::WriteOnly | QIODevice::Append))
            return 4;
        record.write(path + '\n');
        record.close();
        for (;;)
            ::pause();
    }
    return 64;
}
