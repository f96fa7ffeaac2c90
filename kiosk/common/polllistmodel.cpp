#include "polllistmodel.h"

#include "rowsupdate.h"
#include "votingtext.h"

namespace chamber::kiosk {

int PollListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PollListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (Role(role)) {
    case PollIdRole:
        return int(row.id);
    case TitleRole:
        return row.title;
    case PollStateRole:
        return row.pollState;
    case StateLabelRole:
        return row.stateLabel;
    case SecretRole:
        return row.secret;
    case VerdictLabelRole:
        return row.verdictLabel;
    }
    return {};
}

QHash<int, QByteArray> PollListModel::roleNames() const
{
    return {{PollIdRole, "pollId"}, {TitleRole, "title"}, {PollStateRole, "pollState"},
        {StateLabelRole, "stateLabel"}, {SecretRole, "secret"}, {VerdictLabelRole, "verdictLabel"}};
}

void PollListModel::update(const core::MeetingState &meeting)
{
    std::vector<Row> rows;
    rows.reserve(meeting.polls.size());
    for (auto it = meeting.polls.rbegin(); it != meeting.polls.rend(); ++it) {
        const core::Poll &poll = it->second;
        rows.push_back(Row {poll.id, poll.title, core::pollStateName(poll.state),
            VotingText::pollStateLabel(poll.state), poll.secret,
            poll.closing ? VotingText::verdictLabel(
                poll.closing->outcome.verdict, poll.closing->outcome.winner)
                         : QString()});
    }
    updateGrowingRows(
        m_rows, std::move(rows),
        [this](int row, auto put) {
            beginInsertRows({}, row, row);
            put();
            endInsertRows();
        },
        [this](auto replace) {
            beginResetModel();
            replace();
            endResetModel();
        },
        [this](int row) { emit dataChanged(index(row), index(row)); });
}

} // namespace chamber::kiosk
