#include "views/inboxview.h"

#include "undo/inboxcommands.h"
#include "undo/undohistory.h"

#include "attention/attentionservice.h"
#include "messaging/teaminbox.h"
#include "models/inboxmodel.h"
#include "models/whentext.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "time/clock.h"
#include "time/weeklyrule.h"
#include "uicontext.h"
#include "views/inboxfoldedpanel.h"
#include "views/inboxfolding.h"
#include "views/inboxreadingpane.h"
#include "views/inboxtriage.h"
#include "widgets/emptystate.h"
#include "widgets/palettecolors.h"
#include "widgets/themedicon.h"

#include <QAction>
#include <QCoreApplication>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace fermata {

namespace {

QString shortcutHint(const QString &text, const QAction *action)
{
    return QCoreApplication::translate("fermata::InboxView", "%1 (%2)")
        .arg(text, action->shortcut().toString(QKeySequence::NativeText));
}

} // namespace

InboxView::InboxView(const UiContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(ThemedIcon::fromResource(QStringLiteral("inbox")), tr("Nothing held for you"),
                             tr("Notifications that arrive outside your check-in windows wait here, "
                                "grouped by sender, until your next check-in. They come from other "
                                "apps on this desktop, from scripts with\n"
                                "fermata notify --source build --title \"Tests passed\"\n"
                                "and, once you turn it on in Preferences → Check-in, over HTTP "
                                "on this computer."),
                             this))
{
    setObjectName(QStringLiteral("inboxView"));
    m_empty->setObjectName(QStringLiteral("inboxEmptyState"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_stack->addWidget(m_empty);
    if (!context.attention)
        return;

    AttentionService &attention = *context.attention;
    m_model = new InboxModel(attention, context.clock, this);
    m_model->setTimeZone(context.preferences.timeZone());
    m_folding = new InboxFolding(attention, this);
    m_folded = new InboxFoldedPanel(this);
    m_stack->addWidget(m_folded);
    m_stack->addWidget(buildList());
    m_tree->expandAll(); // groups open, so Down walks through every item
    buildActions();

    connect(m_folded, &InboxFoldedPanel::peekRequested, this, &InboxView::peekEarly);
    connect(m_folding, &InboxFolding::foldedChanged, this, &InboxView::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        refresh();
        m_tree->expandAll();
    });
    // The list appears with its first item or leaves with the last; new groups open expanded.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &at, int first, int last) {
        if (at.isValid())
            return;
        for (int row = first; row <= last; ++row)
            m_tree->expand(m_model->index(row, 0));
        if (m_model->itemCount() == 1)
            refresh();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &at) {
        if (!at.isValid() && m_model->itemCount() == 0)
            refresh();
    });
    connect(m_model, &InboxModel::errorOccurred, this, &InboxView::errorOccurred);
    connect(&attention, &AttentionService::heldCountChanged, this, &InboxView::refresh);
    connect(&attention, &AttentionService::windowsChanged, this, &InboxView::refresh);
    connect(&attention, &AttentionService::windowOpened, this, &InboxView::refresh);
    connect(&context.preferences, &Preferences::workingHoursChanged, this, [this] {
        m_model->setTimeZone(m_context.preferences.timeZone());
        refresh();
    });
    refresh();
}

InboxView::~InboxView() = default;

QWidget *InboxView::buildList()
{
    m_list = new QWidget(this);
    m_list->setObjectName(QStringLiteral("inboxList"));
    m_listHeader = new QLabel(m_list);
    m_listHeader->setObjectName(QStringLiteral("inboxListHeader"));
    m_listHeader->setWordWrap(true);

    m_tree = new QTreeView(m_list);
    m_tree->setObjectName(QStringLiteral("inboxTree"));
    m_tree->setAccessibleName(tr("Inbox items"));
    m_tree->setModel(m_model);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(InboxModel::Title, QHeaderView::Stretch);
    for (int column : {InboxModel::Sender, InboxModel::Received, InboxModel::State})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // A group is one source and sender, and its header names both: a Sender column would only
    // repeat it and take the room the titles need beside the reading pane.
    m_tree->setColumnHidden(InboxModel::Sender, true);
    // Fitting a column measures rows; the rows in view are enough, not the first thousand on
    // every arriving notification.
    m_tree->header()->setResizeContentsPrecision(0);

    m_doneButton = new QToolButton(m_list);
    m_doneButton->setObjectName(QStringLiteral("inboxDoneButton"));
    m_doneButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_archiveButton = new QToolButton(m_list);
    m_archiveButton->setObjectName(QStringLiteral("inboxArchiveButton"));
    m_archiveButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_replyButton = new QToolButton(m_list);
    m_replyButton->setObjectName(QStringLiteral("inboxReplyButton"));
    m_replyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_taskButton = new QToolButton(m_list);
    m_taskButton->setObjectName(QStringLiteral("inboxMakeTaskButton"));
    m_taskButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_pane = new InboxReadingPane(m_list);
    m_splitter = new QSplitter(Qt::Horizontal, m_list);
    m_splitter->setObjectName(QStringLiteral("inboxSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_pane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_tree->setMinimumWidth(320);
    m_pane->setMinimumWidth(240);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_listHeader, 1);
    bar->addWidget(m_replyButton);
    bar->addWidget(m_taskButton);
    bar->addWidget(m_doneButton);
    bar->addWidget(m_archiveButton);
    auto *layout = new QVBoxLayout(m_list);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);
    return m_list;
}

void InboxView::buildActions()
{
    m_doneAction = new QAction(tr("Mark &Done"), this);
    m_doneAction->setObjectName(QStringLiteral("inboxDoneAction"));
    m_doneAction->setShortcut(QKeySequence(Qt::Key_D));
    m_archiveAction = new QAction(tr("&Archive"), this);
    m_archiveAction->setObjectName(QStringLiteral("inboxArchiveAction"));
    m_archiveAction->setShortcut(QKeySequence::Delete);
    m_replyAction = new QAction(tr("&Reply…"), this);
    m_replyAction->setObjectName(QStringLiteral("inboxReplyAction"));
    m_replyAction->setShortcut(QKeySequence(Qt::Key_R));
    m_taskAction = new QAction(tr("Make &Task"), this);
    m_taskAction->setObjectName(QStringLiteral("inboxMakeTaskAction"));
    m_taskAction->setShortcut(QKeySequence(Qt::Key_T));
    for (QAction *action : {m_doneAction, m_archiveAction, m_replyAction, m_taskAction}) {
        // Only while the Inbox has focus: D and Delete mean other things elsewhere.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(shortcutHint(action->text().remove(QLatin1Char('&')), action));
        m_list->addAction(action);
    }
    m_doneButton->setDefaultAction(m_doneAction);
    m_archiveButton->setDefaultAction(m_archiveAction);
    m_replyButton->setDefaultAction(m_replyAction);
    m_taskButton->setDefaultAction(m_taskAction);
    connect(m_doneAction, &QAction::triggered, this, &InboxView::markSelectedDone);
    connect(m_taskAction, &QAction::triggered, this, &InboxView::makeTaskFromSelected);
    connect(m_archiveAction, &QAction::triggered, this, &InboxView::archiveSelected);
    connect(m_replyAction, &QAction::triggered, this, &InboxView::replyToSelected);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InboxView::updateActions);
    // A reload (another process changed the Inbox) drops the selection without saying so.
    connect(m_model, &QAbstractItemModel::modelReset, this, &InboxView::updateActions);
    // The shown item may change state (done, released) or grow (a duplicate arrived).
    connect(m_model, &QAbstractItemModel::dataChanged, this, &InboxView::showSelectionInPane);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        if (m_replyAction->isEnabled()) {
            menu.addAction(m_replyAction);
            menu.addSeparator();
        }
        menu.addAction(m_taskAction);
        menu.addAction(m_doneAction);
        menu.addAction(m_archiveAction);
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
    updateActions();
}

bool InboxView::isFolded() const
{
    return m_folding && m_folding->isFolded();
}

QString InboxView::nextCheckInText() const
{
    return WhenText::format(m_context.attention->nextWindowStart(), m_context.preferences.timeZone(),
                            m_context.clock.now());
}

void InboxView::refresh()
{
    AttentionService &attention = *m_context.attention;
    const auto held = attention.heldTally();
    if (!held) {
        Q_EMIT errorOccurred(tr("The Inbox could not be read: %1").arg(held.error().message));
        return;
    }
    const int count = held->total();
    const QString next = nextCheckInText();
    if (isFolded() && count > 0) {
        m_folded->setSummary(*held, next, QLatin1String(teaminbox::source), heldTeamSenders(held->count(QLatin1String(teaminbox::source))));
        m_stack->setCurrentWidget(m_folded);
    } else if (isFolded() || m_model->itemCount() == 0) {
        m_empty->setTitle(next.isEmpty() ? tr("Nothing held for you")
                                         : tr("Nothing held for you · next check-in %1").arg(next));
        m_stack->setCurrentWidget(m_empty);
    } else {
        const auto window = attention.currentWindow();
        const QString header = window
            ? tr("Check-in open until %1")
                  .arg(WhenText::format(window->end(), m_context.preferences.timeZone(), m_context.clock.now()))
            : tr("Peeking early · folds again after your next check-in (%1)").arg(next);
        m_listHeader->setText(count > 0 ? tr("%1 · %n held", nullptr, count).arg(header) : header);
        m_stack->setCurrentWidget(m_list);
    }
    if (count != m_heldCount) {
        m_heldCount = count;
        Q_EMIT heldCountChanged(count);
    }
}

void InboxView::updateActions()
{
    const bool any = m_tree && m_tree->selectionModel()->hasSelection();
    m_doneAction->setEnabled(any);
    m_archiveAction->setEnabled(any);
    const bool team = m_tree && selectedTeamMessage().isValid();
    m_replyAction->setEnabled(team);
    m_replyButton->setVisible(team); // only teammates can be answered from here
    m_taskAction->setEnabled(m_tree && selectedEntry().isValid());
    showSelectionInPane();
}

QModelIndex InboxView::selectedEntry() const
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    if (rows.size() != 1 || rows.first().data(InboxModel::IsGroupRole).toBool())
        return {};
    return rows.first();
}

void InboxView::showSelectionInPane()
{
    if (!m_pane)
        return;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    if (rows.size() != 1) {
        m_pane->showNothing(int(rows.size()));
        return;
    }
    const QModelIndex row = rows.first();
    if (row.data(InboxModel::IsGroupRole).toBool()) {
        m_pane->showGroup(row.data(InboxModel::SourceRole).toString(), row.data(InboxModel::SenderRole).toString(),
                          row.data(InboxModel::CountRole).toInt());
        return;
    }
    if (const auto item = m_model->newestAt(row))
        m_pane->showItem(*item, row.data(InboxModel::CountRole).toInt(), m_context.preferences.timeZone(),
                         m_context.clock.now());
}

QList<std::pair<QString, int>> InboxView::heldTeamSenders(int teamHeld) const
{
    QList<std::pair<QString, int>> senders;
    if (teamHeld <= 0)
        return senders; // read the held items only when teammates' messages are among them
    const auto items = m_context.attention->heldItems();
    if (!items)
        return senders;
    QHash<QString, int> counts;
    for (const InboxItem &item : *items) {
        if (item.notification.source == QLatin1String(teaminbox::source))
            ++counts[item.notification.sender];
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        senders.append({it.key(), it.value()});
    return senders;
}

QModelIndex InboxView::selectedTeamMessage() const
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    // A team group is one sender too (groups are source and sender).
    if (rows.size() != 1 || rows.first().data(InboxModel::SenderRole).toString().isEmpty()
        || rows.first().data(InboxModel::SourceRole).toString() != QLatin1String(teaminbox::source))
        return {};
    return rows.first();
}

void InboxView::replyToSelected()
{
    const QModelIndex row = selectedTeamMessage();
    if (row.isValid())
        Q_EMIT replyRequested(row.data(InboxModel::SenderRole).toString(),
                              row.data(InboxModel::SubjectRole).toString());
}

void InboxView::peekEarly()
{
    if (!m_folding || !isFolded() || !confirmPeek())
        return;
    if (Status s = m_folding->peek(); !s)
        Q_EMIT errorOccurred(tr("Could not open the Inbox early: %1").arg(s.error().message));
}

bool InboxView::confirmPeek()
{
    const QTimeZone zone = m_context.preferences.timeZone();
    const QDateTime now = m_context.clock.now();
    const QDate today = now.toTimeZone(zone).date();
    const QDateTime monday = resolveWallClock(today.addDays(1 - today.dayOfWeek()), QTime(0, 0), zone);
    const auto peeks = m_context.attention->peekCount(Interval(monday.toMSecsSinceEpoch(), now.toMSecsSinceEpoch() + 1));
    const int done = peeks ? *peeks : 0;
    const QString next = nextCheckInText();

    QMessageBox box(QMessageBox::Question, tr("Peek early?"),
                    next.isEmpty() ? tr("Open the Inbox before a check-in window?")
                                   : tr("Your next check-in: %1. Open the Inbox now?").arg(next),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("peekConfirmation"));
    QString sofar = tr("You have peeked early %n times this week.", nullptr, done);
    if (done == 0)
        sofar = tr("You have not peeked early this week.");
    else if (done == 1)
        sofar = tr("You have peeked early once this week.");
    box.setInformativeText(sofar + QLatin1Char(' ') + tr("This peek will be counted."));
    QPushButton *peek = box.addButton(tr("&Peek Now"), QMessageBox::AcceptRole);
    peek->setObjectName(QStringLiteral("peekConfirmButton"));
    QPushButton *wait = box.addButton(tr("&Wait for Check-in"), QMessageBox::RejectRole);
    wait->setObjectName(QStringLiteral("peekCancelButton"));
    box.setDefaultButton(wait); // the calm choice is the default
    box.setEscapeButton(wait);
    box.exec();
    return box.clickedButton() == peek;
}

void InboxView::markSelectedDone()
{
    applyToSelection(false);
}

void InboxView::archiveSelected()
{
    applyToSelection(true);
}

void InboxView::applyToSelection(bool archive)
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    QList<qint64> ids;
    for (const QModelIndex &row : rows) {
        for (qint64 id : m_model->idsAt(row)) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    if (ids.isEmpty() || !confirmGroupAction(archive, rows, int(ids.size())))
        return;
    // Chosen before acting: archived rows leave the model, and the next item must not be lost.
    const QPersistentModelIndex next = inboxtriage::nextItemAfter(*m_tree, rows);
    if (archive)
        this->archive(ids);
    else
        setDone(ids);
    if (next.isValid()) {
        m_tree->setCurrentIndex(next);
        m_tree->scrollTo(next);
    }
}

bool InboxView::confirmGroupAction(bool archive, const QModelIndexList &rows, int itemCount)
{
    const auto isWholeGroup = [](const QModelIndex &row) {
        return row.data(InboxModel::IsGroupRole).toBool() && row.data(InboxModel::CountRole).toInt() > 1;
    };
    if (std::none_of(rows.cbegin(), rows.cend(), isWholeGroup))
        return true;
    QString question;
    if (rows.size() == 1) {
        const QString source = rows.first().data(InboxModel::SourceRole).toString();
        const QString sender = rows.first().data(InboxModel::SenderRole).toString();
        const QString from = sender.isEmpty() ? source : tr("%1 in %2").arg(sender, source);
        question = archive ? tr("Archive %n messages from %1?", nullptr, itemCount).arg(from)
                           : tr("Mark %n messages from %1 as done?", nullptr, itemCount).arg(from);
    } else {
        question = archive ? tr("Archive %n messages?", nullptr, itemCount)
                           : tr("Mark %n messages as done?", nullptr, itemCount);
    }
    QMessageBox box(QMessageBox::Question, archive ? tr("Archive Group?") : tr("Mark Group Done?"), question,
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("inboxGroupConfirmation"));
    box.setInformativeText(tr("A group header is selected: this acts on every item in it."));
    QPushButton *act = box.addButton(archive ? tr("&Archive All") : tr("Mark All &Done"), QMessageBox::AcceptRole);
    act->setObjectName(QStringLiteral("inboxGroupConfirmButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("inboxGroupCancelButton"));
    // Enter confirms what the key already asked for; Escape keeps the items.
    box.setDefaultButton(act);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == act;
}

void InboxView::setDone(const QList<qint64> &ids)
{
    // Through the window's undo history when there is one (Ctrl+Z puts the items back).
    if (m_history) {
        m_history->push(new InboxStateCommand(*m_history, ids, ItemState::Done));
        return;
    }
    // The model follows the engine's itemsChanged: the rows change in place.
    if (const Status s = m_context.attention->markDone(ids); !s)
        Q_EMIT errorOccurred(tr("Could not update the Inbox: %1").arg(s.error().message));
}

void InboxView::archive(const QList<qint64> &ids)
{
    if (m_history) {
        m_history->push(new InboxStateCommand(*m_history, ids, ItemState::Archived));
        return;
    }
    if (const Status s = m_context.attention->archive(ids); !s)
        Q_EMIT errorOccurred(tr("Could not update the Inbox: %1").arg(s.error().message));
}

void InboxView::makeTaskFromSelected()
{
    const QModelIndex row = selectedEntry();
    const auto item = row.isValid() ? m_model->newestAt(row) : std::nullopt;
    if (!item)
        return;
    const auto added = m_context.tasks.add(inboxtriage::taskFrom(*item));
    if (!added) {
        Q_EMIT errorOccurred(tr("Could not make a task of “%1”: %2").arg(item->notification.title, added.error().message));
        return;
    }
    const QPersistentModelIndex next = inboxtriage::nextItemAfter(*m_tree, {row});
    setDone(m_model->idsAt(row));
    if (next.isValid())
        m_tree->setCurrentIndex(next);
    Q_EMIT infoMessage(tr("Task “%1” added to Tasks.").arg(added->title));
}

} // namespace fermata
