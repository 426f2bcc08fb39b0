#include "dialogs/caldavaccountsbox.h"

#include "caldav/caldavsync.h"
#include "dialogs/caldavaccountdialog.h"
#include "models/whentext.h"
#include "time/clock.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace fermata {

namespace {

// A small round swatch of the calendar's colour on the server (hollow when it has none).
QIcon swatch(const QString &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (QColor(color).isValid()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(color));
    } else {
        painter.setPen(QPen(Qt::gray, 1));
    }
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

} // namespace

CalDavAccountsBox::CalDavAccountsBox(CalDavSync &sync, const Clock &clock, const QTimeZone &zone, QWidget *parent)
    : QGroupBox(tr("CalDAV accounts"), parent)
    , m_caldav(sync)
    , m_clock(clock)
    , m_zone(zone)
{
    setObjectName(QStringLiteral("calDavAccountsBox"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Meetings in the calendars you tick are read for planning; your focus blocks "
                               "go to the one calendar you choose as busy time, so colleagues see it."),
        this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({ tr("Account / calendar"), tr("Read"), tr("Focus blocks"), tr("Status") });
    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("calDavList"));
    m_list->setAccessibleName(tr("CalDAV accounts and calendars"));
    m_list->setModel(m_model);
    m_list->setUniformRowHeights(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ReadColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(BlocksColumn, QHeaderView::ResizeToContents);
    m_list->setMinimumHeight(130);
    layout->addWidget(m_list, 1);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("calDavProblemsLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link)"));
    m_problem->hide();
    layout->addWidget(m_problem);

    // What colleagues read on the busy time: "Focus" unless the person chooses otherwise.
    auto *titleRow = new QHBoxLayout;
    auto *titleLabel = new QLabel(tr("Focus blocks &appear as:"), this);
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("calDavBlockTitle"));
    m_title->setPlaceholderText(tr("Focus"));
    m_title->setAccessibleName(tr("Title colleagues see on focus blocks"));
    titleLabel->setBuddy(m_title);
    m_taskTitles = new QCheckBox(tr("Use each task's title"), this);
    m_taskTitles->setObjectName(QStringLiteral("calDavTaskTitles"));
    titleRow->addWidget(titleLabel);
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_taskTitles);
    layout->addLayout(titleRow);
    connect(m_title, &QLineEdit::editingFinished, this, &CalDavAccountsBox::saveTitle);
    connect(m_taskTitles, &QCheckBox::toggled, this, [this](bool useTasks) {
        m_title->setEnabled(!useTasks);
        saveTitle();
    });

    auto *actions = new QHBoxLayout;
    m_add = new QPushButton(tr("Add CalDA&V Account…"), this);
    m_add->setObjectName(QStringLiteral("addCalDavAccountButton"));
    m_sync = new QPushButton(tr("S&ync Now"), this);
    m_sync->setObjectName(QStringLiteral("syncCalDavButton"));
    m_remove = new QPushButton(tr("Remove Accou&nt…"), this);
    m_remove->setObjectName(QStringLiteral("removeCalDavAccountButton"));
    actions->addWidget(m_add);
    actions->addStretch(1);
    actions->addWidget(m_sync);
    actions->addWidget(m_remove);
    layout->addLayout(actions);

    connect(m_add, &QPushButton::clicked, this, &CalDavAccountsBox::addAccount);
    connect(m_sync, &QPushButton::clicked, this, &CalDavAccountsBox::syncNow);
    connect(m_remove, &QPushButton::clicked, this, &CalDavAccountsBox::removeSelected);
    connect(m_model, &QStandardItemModel::itemChanged, this, &CalDavAccountsBox::onItemChanged);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CalDavAccountsBox::updateButtons);
    connect(&m_caldav, &CalDavSync::accountsChanged, this, &CalDavAccountsBox::reload);
    connect(&m_caldav, &CalDavSync::syncStarted, this, &CalDavAccountsBox::reload);
    connect(&m_caldav, &CalDavSync::accountRemoved, this, [this](bool ok, const QString &message) {
        m_problem->setText(message);
        m_problem->setVisible(!ok);
    });
    reload();
}

QString CalDavAccountsBox::timeText(const QDateTime &when) const
{
    return WhenText::past(when, m_zone, m_clock.now());
}

QString CalDavAccountsBox::statusText(const CalDavAccount &account) const
{
    if (m_caldav.isSyncing())
        return tr("Syncing…");
    if (!account.lastError.isEmpty())
        return tr("Not synced — tried %1").arg(timeText(account.lastAttempt));
    if (!account.lastSuccess.isValid())
        return tr("Not synced yet");
    return tr("Synced %1").arg(timeText(account.lastSuccess));
}

QList<QStandardItem *> CalDavAccountsBox::calendarRow(const CalDavCalendarRecord &calendar) const
{
    auto *name = new QStandardItem(swatch(calendar.color), calendar.label());
    name->setData(calendar.accountId, AccountIdRole);
    name->setData(calendar.id, CalendarIdRole);
    name->setToolTip(calendar.href);
    auto *read = new QStandardItem;
    read->setCheckable(true);
    read->setCheckState(calendar.isRead ? Qt::Checked : Qt::Unchecked);
    read->setData(calendar.id, CalendarIdRole);
    read->setAccessibleText(tr("Read %1").arg(calendar.label()));
    auto *blocks = new QStandardItem;
    blocks->setCheckable(calendar.isWritable);
    blocks->setData(calendar.id, CalendarIdRole);
    blocks->setData(calendar.accountId, AccountIdRole);
    if (calendar.isWritable) {
        blocks->setCheckState(calendar.receivesBlocks ? Qt::Checked : Qt::Unchecked);
        blocks->setAccessibleText(tr("Write focus blocks to %1").arg(calendar.label()));
    } else {
        blocks->setText(tr("read-only"));
        blocks->setEnabled(false);
    }
    QString state;
    if (!calendar.isOnServer)
        state = tr("No longer on the server");
    else if (!calendar.isRead)
        state = tr("Not read");
    else if (calendar.source.isEmpty())
        state = tr("Not read yet");
    else
        state = calendar.eventCount == 1 ? tr("1 event") : tr("%1 events").arg(QLocale().toString(calendar.eventCount));
    auto *status = new QStandardItem(state);
    for (QStandardItem *item : { name, read, blocks, status })
        item->setEditable(false);
    return { name, read, blocks, status };
}

void CalDavAccountsBox::reload()
{
    const qint64 selected = selectedAccount();
    m_reloading = true;
    m_model->removeRows(0, m_model->rowCount());
    QStringList problems;
    const auto accounts = m_caldav.accounts();
    if (!accounts)
        problems.append(accounts.error().message);
    for (const CalDavAccount &account : accounts ? *accounts : QList<CalDavAccount>()) {
        auto *name = new QStandardItem(account.name);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        name->setData(account.id, AccountIdRole);
        name->setToolTip(account.url.toString(QUrl::RemoveUserInfo));
        auto *status = new QStandardItem(statusText(account));
        QList<QStandardItem *> row { name, new QStandardItem, new QStandardItem, status };
        for (QStandardItem *item : row)
            item->setEditable(false);
        if (!account.lastError.isEmpty()) {
            status->setToolTip(account.lastError);
            problems.append(tr("%1: %2").arg(account.name, account.lastError));
        }
        const auto calendars = m_caldav.calendars(account.id);
        for (const CalDavCalendarRecord &calendar : calendars ? *calendars : QList<CalDavCalendarRecord>())
            name->appendRow(calendarRow(calendar));
        m_model->appendRow(row);
        m_list->setExpanded(name->index(), true);
        if (account.id == selected)
            m_list->setCurrentIndex(name->index());
    }
    if (accounts && accounts->isEmpty()) {
        auto *empty = new QStandardItem(tr("No account yet: add one to read its meetings and share your focus time."));
        empty->setEnabled(false);
        m_model->appendRow(empty);
        m_list->setFirstColumnSpanned(0, QModelIndex(), true);
    }
    m_reloading = false;
    // Why a sync failed, in full: the list has room only for the short status.
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_problem->setVisible(!problems.isEmpty());
    updateButtons();
}

void CalDavAccountsBox::onItemChanged(QStandardItem *item)
{
    if (m_reloading || !item->isCheckable())
        return;
    const qint64 calendarId = item->data(CalendarIdRole).toLongLong();
    const bool checked = item->checkState() == Qt::Checked;
    Status saved;
    qint64 accountId = 0;
    std::optional<CalDavCalendarRecord> chosen;
    const auto accounts = m_caldav.accounts();
    for (const CalDavAccount &account : accounts ? *accounts : QList<CalDavAccount>()) {
        const auto calendars = m_caldav.calendars(account.id);
        for (const CalDavCalendarRecord &calendar : calendars ? *calendars : QList<CalDavCalendarRecord>()) {
            if (calendar.id == calendarId) {
                accountId = account.id;
                chosen = calendar;
            }
        }
    }
    if (!chosen)
        return;
    if (item->column() == ReadColumn)
        saved = m_caldav.setRead(*chosen, checked);
    else if (item->column() == BlocksColumn)
        saved = m_caldav.setBlocksCalendar(accountId, checked ? chosen : std::nullopt);
    if (!saved) {
        m_problem->setText(saved.error().message);
        m_problem->show();
    }
    // Deferred: the model is inside its itemChanged signal.
    QMetaObject::invokeMethod(this, &CalDavAccountsBox::reload, Qt::QueuedConnection);
}

void CalDavAccountsBox::addAccount()
{
    CalDavAccountDialog dialog(m_caldav, this);
    dialog.exec();
}

void CalDavAccountsBox::syncNow()
{
    m_caldav.syncNow();
}

void CalDavAccountsBox::removeAccount(qint64 accountId)
{
    m_caldav.removeAccount(accountId, false);
}

void CalDavAccountsBox::removeSelected()
{
    const qint64 id = selectedAccount();
    if (id == 0)
        return;
    const QModelIndex current = m_list->currentIndex();
    const QString name = current.parent().isValid() ? current.parent().data().toString()
                                                    : current.siblingAtColumn(NameColumn).data().toString();
    const auto answer = QMessageBox::question(this, tr("Remove CalDAV Account"),
        tr("Remove %1 from Fermata? The focus blocks Fermata wrote there are deleted from the server; "
           "everything else in its calendars stays as it is.")
            .arg(name));
    if (answer == QMessageBox::Yes)
        removeAccount(id);
}

qint64 CalDavAccountsBox::selectedAccount() const
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return 0;
    return current.siblingAtColumn(NameColumn).data(AccountIdRole).toLongLong();
}

void CalDavAccountsBox::updateButtons()
{
    const auto accounts = m_caldav.accounts();
    const bool any = accounts && !accounts->isEmpty();
    m_sync->setEnabled(any);
    m_remove->setEnabled(selectedAccount() != 0);
    showTitle();
}

qint64 CalDavAccountsBox::titleAccount() const
{
    if (const qint64 selected = selectedAccount())
        return selected;
    const auto accounts = m_caldav.accounts();
    return accounts && !accounts->isEmpty() ? accounts->constFirst().id : 0;
}

void CalDavAccountsBox::showTitle()
{
    const qint64 id = titleAccount();
    const auto accounts = m_caldav.accounts();
    const CalDavAccount *account = nullptr;
    for (const CalDavAccount &a : accounts ? *accounts : QList<CalDavAccount>()) {
        if (a.id == id)
            account = &a;
    }
    const QSignalBlocker blockTitle(m_title);
    const QSignalBlocker blockTasks(m_taskTitles);
    m_title->setEnabled(account && !account->usesTaskTitles());
    m_taskTitles->setEnabled(account != nullptr);
    m_taskTitles->setChecked(account && account->usesTaskTitles());
    if (!m_title->hasFocus()) // never overwrite what the person is typing
        m_title->setText(account && !account->usesTaskTitles() ? account->blockTitle : QString());
}

void CalDavAccountsBox::saveTitle()
{
    const qint64 id = titleAccount();
    if (id == 0)
        return;
    const QString typed = m_title->text().trimmed();
    // Empty stored means "the task's title", so an empty field stays the default "Focus".
    const QString title = m_taskTitles->isChecked() ? QString() : typed.isEmpty() ? tr("Focus") : typed;
    const auto accounts = m_caldav.accounts();
    for (const CalDavAccount &a : accounts ? *accounts : QList<CalDavAccount>()) {
        if (a.id == id && a.blockTitle == title)
            return; // unchanged: no rewrite of every event on the server
    }
    if (const Status saved = m_caldav.setBlockTitle(id, title); !saved) {
        m_problem->setText(saved.error().message);
        m_problem->show();
    }
}

} // namespace fermata
