// The meeting's documents in agenda order, for QML lists: what each is, which item it belongs
// to, and how far its download has come. Rows are updated in place when only the progress
// changes, so a list keeps its scroll position while forty documents arrive.
#pragma once

#include "core/meeting.h"

#include <QAbstractListModel>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace chamber::kiosk {

class DocumentModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk.documents")

public:
    enum Role {
        DocumentIdRole = Qt::UserRole + 1, // int
        ItemIdRole, // int: the agenda item it belongs to
        ItemLabelRole, // string: "2.1 Báo cáo …", what a list's section header shows
        TitleRole, // string: from the PDF, else the file name
        NameRole, // string: the uploaded file name
        PagesRole, // int
        BytesRole, // double (QML has no 64-bit int)
        StatusRole, // string: queued, downloading, waiting, failed, ready
        ProgressRole, // double 0..1
        ProblemRole, // string: why the last attempt failed
        FileUrlRole, // url: the local copy once ready, else empty
        PresentedRole, // bool: the presenter shows this one
    };
    Q_ENUM(Role)

    // Where a document's download stands, as the model shows it.
    struct Availability
    {
        QString status = QStringLiteral("queued");
        double progress = 0;
        QString problem;
        QUrl fileUrl;
        bool operator==(const Availability &) const = default;
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The documents that are not removed, in agenda order then upload order.
    void update(const core::MeetingState &meeting,
        const std::function<Availability(const core::Document &)> &availability);
    Q_INVOKABLE int rowOf(int documentId) const;

private:
    struct Row
    {
        qint64 id = 0;
        qint64 item = 0;
        QString itemLabel;
        QString title;
        QString name;
        qint64 pages = 0;
        qint64 bytes = 0;
        Availability availability;
        bool presented = false;
        bool operator==(const Row &) const = default;
    };
    std::vector<Row> m_rows;
};

} // namespace chamber::kiosk
