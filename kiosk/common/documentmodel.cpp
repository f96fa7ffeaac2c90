#include "documentmodel.h"

#include "rowsupdate.h"

namespace chamber::kiosk {

int DocumentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DocumentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (Role(role)) {
    case DocumentIdRole:
        return int(row.id);
    case ItemIdRole:
        return int(row.item);
    case ItemLabelRole:
        return row.itemLabel;
    case TitleRole:
        return row.title;
    case NameRole:
        return row.name;
    case PagesRole:
        return int(row.pages);
    case BytesRole:
        return double(row.bytes);
    case StatusRole:
        return row.availability.status;
    case ProgressRole:
        return row.availability.progress;
    case ProblemRole:
        return row.availability.problem;
    case FileUrlRole:
        return row.availability.fileUrl;
    case PresentedRole:
        return row.presented;
    }
    return {};
}

QHash<int, QByteArray> DocumentModel::roleNames() const
{
    return {{DocumentIdRole, "documentId"}, {ItemIdRole, "itemId"}, {ItemLabelRole, "itemLabel"},
        {TitleRole, "title"}, {NameRole, "name"}, {PagesRole, "pages"}, {BytesRole, "bytes"},
        {StatusRole, "status"}, {ProgressRole, "progress"}, {ProblemRole, "problem"},
        {FileUrlRole, "fileUrl"}, {PresentedRole, "presented"}};
}

int DocumentModel::rowOf(int documentId) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == documentId)
            return int(i);
    }
    return -1;
}

void DocumentModel::update(const core::MeetingState &meeting,
    const std::function<Availability(const core::Document &)> &availability)
{
    std::vector<Row> rows;
    for (qint64 item : meeting.agenda.preorder()) {
        const core::AgendaItem *agendaItem = meeting.agenda.find(item);
        const QString number = meeting.agenda.number(item);
        const QString label
            = number.isEmpty() ? agendaItem->title : number + QLatin1Char(' ') + agendaItem->title;
        for (const auto &[id, document] : meeting.documents.all()) {
            if (document.removed || document.item != item)
                continue;
            rows.push_back(Row {id, item, label, document.title, document.name, document.pages,
                document.bytes, availability(document), meeting.presenting.document == id});
        }
    }
    updateRows(
        m_rows, std::move(rows),
        [this](auto replace) {
            beginResetModel();
            replace();
            endResetModel();
        },
        [this](int row) { emit dataChanged(index(row), index(row)); });
}

} // namespace chamber::kiosk
