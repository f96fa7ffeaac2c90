#include "edge/httprequest.h"

#include <QFile>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace chamber::edge {

namespace {

struct Mapping
{
    void *address = MAP_FAILED;
    size_t length = 0;
    ~Mapping()
    {
        if (address != MAP_FAILED)
            ::munmap(address, length);
    }
};

} // namespace

HttpMethod httpMethodFrom(QByteArrayView token)
{
    static const std::pair<const char *, HttpMethod> kMethods[]
        = {{"GET", HttpMethod::Get}, {"HEAD", HttpMethod::Head}, {"POST", HttpMethod::Post},
            {"PUT", HttpMethod::Put}, {"DELETE", HttpMethod::Delete}, {"PATCH", HttpMethod::Patch},
            {"OPTIONS", HttpMethod::Options}};
    for (const auto &[name, method] : kMethods) {
        if (token == QByteArrayView(name))
            return method;
    }
    return HttpMethod::Unknown;
}

QString httpMethodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get:
        return QStringLiteral("GET");
    case HttpMethod::Head:
        return QStringLiteral("HEAD");
    case HttpMethod::Post:
        return QStringLiteral("POST");
    case HttpMethod::Put:
        return QStringLiteral("PUT");
    case HttpMethod::Delete:
        return QStringLiteral("DELETE");
    case HttpMethod::Patch:
        return QStringLiteral("PATCH");
    case HttpMethod::Options:
        return QStringLiteral("OPTIONS");
    case HttpMethod::Unknown:
        break;
    }
    return QStringLiteral("?");
}

HttpRequest::HttpRequest(HttpHead head, QHostAddress peer)
    : m_head(std::move(head))
    , m_method(httpMethodFrom(m_head.method))
    , m_url(QUrl::fromEncoded(m_head.target, QUrl::StrictMode))
    , m_peer(std::move(peer))
{ }

QByteArray HttpRequest::value(QByteArrayView name) const
{
    return m_head.value(name.toByteArray().toLower());
}

void HttpRequest::setBody(QByteArray body)
{
    m_body = std::move(body);
    m_keeper.reset();
}

bool HttpRequest::mapBodyFile(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    ::unlink(name.constData()); // the mapping keeps the data; nothing is left in the spool
    if (fd < 0)
        return false;
    auto mapping = std::make_shared<Mapping>();
    mapping->length = size_t(contentLength());
    if (mapping->length > 0)
        mapping->address = ::mmap(nullptr, mapping->length, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapping->length > 0 && mapping->address == MAP_FAILED)
        return false;
    m_body = mapping->length > 0 ? QByteArray::fromRawData(
                 static_cast<const char *>(mapping->address), qsizetype(mapping->length))
                                 : QByteArray();
    m_keeper = mapping;
    return true;
}

} // namespace chamber::edge
