// What the main thread hands back to the edge for a request: status, header fields and a body
// that is either bytes or a range of a file (streamed by the connection's own thread as the
// client takes it, so a 100 MB document never sits in memory nor on the meeting's thread).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace chamber::edge {

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // without Content-Length and Connection
    QByteArray body;
    QString filePath; // when set, the body is [fileOffset, fileOffset + fileLength) of it
    qint64 fileOffset = 0;
    qint64 fileLength = 0;
    bool headOnly = false; // HEAD: the header fields of the body, not the body
    bool close = false; // close the connection after this response

    qint64 bodyLength() const { return filePath.isEmpty() ? body.size() : fileLength; }
};

// The head of a response as bytes (status line, fields, Content-Length, Connection).
QByteArray serializeResponseHead(const HttpResponse &response, bool keepAlive);
QByteArray reasonPhrase(int status);

} // namespace chamber::edge
