#include "dialogs/calendarspage.h"

#include "calendar/subscriptionservice.h"
#include "calendar/calendarsync.h"
#include "dialogs/caldavaccountsbox.h"
#include "models/whentext.h"
#include "time/clock.h"
#include "widgets/calendarcolors.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTreeView>
#include <QVBoxLayout>

namespace fermata {

namespace {

// A small round swatch of the calendar's timeline colour.
QIcon swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}

} // namespace

CalendarsPage::CalendarsPage(CalendarSync &sync, const Clock &clock, const QTimeZone &zone,
                             CalDavSync *caldav, QWidget *parent)
    : PreferencesPage(parent), m_sync(sync), m_clock(clock), m_zone(zone)
{
    setObjectName(QStringLiteral("calendarsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildSubscriptions(), 1);
    if (caldav) {
        m_caldav = new CalDavAccountsBox(*caldav, clock, zone, this);
        layout->addWidget(m_caldav, 1);
    }
    layout->addWidget(buildExport());
    connect(&m_sync, &CalendarSync::refreshFinished, this, &CalendarsPage::onRefreshFinished);
    reload();
}

QString CalendarsPage::title() const
{
    return tr("C&alendars");
}

QWidget *CalendarsPage::buildSubscriptions()
{
    auto *group = new QGroupBox(tr("Subscribed calendars"), this);
    auto *layout = new QVBoxLayout(group);
    auto *hint = new QLabel(tr("Paste a calendar's private ICS address (Google: Settings › your calendar › "
                               "Secret address in iCal format; Outlook: Publish calendar › ICS). Fermata "
                               "keeps a copy for when you are offline."), group);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Address"), tr("Last refresh")});
    m_list = new QTreeView(group);
    m_list->setObjectName(QStringLiteral("subscriptionList"));
    m_list->setAccessibleName(tr("Subscribed calendars"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setTextElideMode(Qt::ElideMiddle); // long addresses keep their file name
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->setMinimumWidth(600);
    m_list->setMinimumHeight(120);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CalendarsPage::updateButtons);
    layout->addWidget(m_list, 1);
    m_errors = new QLabel(group);
    m_errors->setObjectName(QStringLiteral("subscriptionErrorsLabel"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->hide();
    layout->addWidget(m_errors);

    auto *actions = new QHBoxLayout;
    m_refresh = new QPushButton(tr("&Refresh Now"), group);
    m_refresh->setObjectName(QStringLiteral("refreshSubscriptionButton"));
    m_remove = new QPushButton(tr("Re&move…"), group);
    m_remove->setObjectName(QStringLiteral("removeSubscriptionButton"));
    actions->addStretch(1);
    actions->addWidget(m_refresh);
    actions->addWidget(m_remove);
    layout->addLayout(actions);
    connect(m_refresh, &QPushButton::clicked, this, &CalendarsPage::refreshSelected);
    connect(m_remove, &QPushButton::clicked, this, &CalendarsPage::removeSelected);

    auto *form = new QFormLayout;
    m_url = new QLineEdit(group);
    m_url->setObjectName(QStringLiteral("subscriptionUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://calendar.example.com/…/basic.ics"));
    m_name = new QLineEdit(group);
    m_name->setObjectName(QStringLiteral("subscriptionNameEdit"));
    m_name->setPlaceholderText(tr("Work"));
    m_interval = new QSpinBox(group);
    m_interval->setObjectName(QStringLiteral("subscriptionIntervalBox"));
    m_interval->setRange(5, 7 * 24 * 60);
    m_interval->setSingleStep(15);
    m_interval->setValue(60);
    m_interval->setSuffix(tr(" min"));
    m_add = new QPushButton(tr("&Add Subscription"), group);
    m_add->setObjectName(QStringLiteral("addSubscriptionButton"));
    auto *intervalRow = new QHBoxLayout;
    intervalRow->addWidget(m_interval);
    intervalRow->addStretch(1);
    intervalRow->addWidget(m_add);
    form->addRow(tr("Add&ress:"), m_url);
    form->addRow(tr("&Name:"), m_name);
    auto *intervalLabel = new QLabel(tr("Refresh &every:"), group);
    intervalLabel->setBuddy(m_interval);
    form->addRow(intervalLabel, intervalRow);
    layout->addLayout(form);
    m_problem = new QLabel(group);
    m_problem->setObjectName(QStringLiteral("calendarsProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link)")); // visible, theme-aware
    m_problem->hide();
    layout->addWidget(m_problem);
    connect(m_add, &QPushButton::clicked, this, &CalendarsPage::addFromForm);
    connect(m_url, &QLineEdit::returnPressed, this, &CalendarsPage::addFromForm);
    connect(m_url, &QLineEdit::textChanged, this, &CalendarsPage::updateButtons);
    return group;
}

QWidget *CalendarsPage::buildExport()
{
    auto *group = new QGroupBox(tr("Publish your focus time"), this);
    auto *layout = new QVBoxLayout(group);
    m_exportBox = new QCheckBox(tr("&Keep an exported calendar file up to date"), group);
    m_exportBox->setObjectName(QStringLiteral("autoExportBox"));
    auto *hint = new QLabel(tr("Focus blocks and check-in windows, rewritten whenever they change. Put "
                               "it in a synced folder or on a web server so colleagues can subscribe."),
                            group);
    hint->setWordWrap(true);
    auto *row = new QHBoxLayout;
    m_exportPath = new QLineEdit(group);
    m_exportPath->setObjectName(QStringLiteral("autoExportPathEdit"));
    m_exportPath->setAccessibleName(tr("Exported file"));
    m_exportPath->setPlaceholderText(tr("Choose a file…"));
    m_choose = new QPushButton(tr("C&hoose…"), group);
    row->addWidget(m_exportPath, 1);
    row->addWidget(m_choose);
    layout->addWidget(m_exportBox);
    layout->addWidget(hint);
    layout->addLayout(row);

    const QString path = m_sync.autoExportPath();
    m_exportBox->setChecked(!path.isEmpty());
    m_exportPath->setText(QDir::toNativeSeparators(path));
    const auto sync = [this] {
        m_exportPath->setEnabled(m_exportBox->isChecked());
        m_choose->setEnabled(m_exportBox->isChecked());
    };
    sync();
    connect(m_exportBox, &QCheckBox::toggled, this, sync);
    connect(m_exportBox, &QCheckBox::toggled, this, &PreferencesPage::edited);
    connect(m_exportPath, &QLineEdit::textChanged, this, &PreferencesPage::edited);
    connect(m_choose, &QPushButton::clicked, this, &CalendarsPage::chooseExportPath);
    return group;
}

void CalendarsPage::chooseExportPath()
{
    QString start = m_exportPath->text();
    if (start.isEmpty())
        start = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                    .filePath(QStringLiteral("fermata-focus.ics"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Keep Calendar File Up to Date"), start,
                                                      tr("iCalendar files (*.ics)"));
    if (!path.isEmpty())
        m_exportPath->setText(QDir::toNativeSeparators(path));
}

QString CalendarsPage::validationError() const
{
    if (!m_exportBox->isChecked())
        return {};
    const QString path = m_exportPath->text().trimmed();
    if (path.isEmpty())
        return tr("Choose the file to keep up to date, or untick \"Keep an exported calendar file up to date\".");
    const QFileInfo info(QDir::fromNativeSeparators(path));
    if (!info.isAbsolute())
        return tr("Give the exported file's full path, e.g. %1.")
            .arg(QDir::toNativeSeparators(QDir::home().filePath(QStringLiteral("Public/focus.ics"))));
    if (!info.dir().exists())
        return tr("The folder %1 does not exist: choose another place for the exported file.")
            .arg(QDir::toNativeSeparators(info.absolutePath()));
    return {};
}

Status CalendarsPage::apply()
{
    const QString path = m_exportBox->isChecked()
        ? QDir::fromNativeSeparators(m_exportPath->text().trimmed())
        : QString();
    if (path == m_sync.autoExportPath())
        return {};
    return m_sync.setAutoExportPath(path);
}

void CalendarsPage::reload()
{
    const QString selected = selectedName();
    m_model->removeRows(0, m_model->rowCount());
    QStringList errors;
    const auto all = m_sync.subscriptions().subscriptions();
    if (!all) {
        m_problem->setText(all.error().message);
        m_problem->show();
        return;
    }
    for (const CalendarSubscription &subscription : *all) {
        auto *name = new QStandardItem(swatch(CalendarColors::forSource(subscription.name)), subscription.name);
        auto *address = new QStandardItem(redactedUrl(QUrl(subscription.url)));
        auto *status = new QStandardItem(statusText(subscription));
        if (!subscription.lastError.isEmpty()) {
            status->setToolTip(subscription.lastError);
            errors.append(tr("%1: %2 (tried %3).")
                              .arg(subscription.name, subscription.lastError, timeText(subscription.lastAttempt)));
        }
        m_model->appendRow({name, address, status});
        if (subscription.name == selected)
            m_list->setCurrentIndex(name->index());
    }
    // Why a refresh failed, in full: the list has room only for the short status.
    m_errors->setText(errors.join(QLatin1Char('\n')));
    m_errors->setVisible(!errors.isEmpty());
    m_list->resizeColumnToContents(AddressColumn);
    m_list->setColumnWidth(AddressColumn, qMin(m_list->columnWidth(AddressColumn), 200));
    updateButtons();
}

QString CalendarsPage::timeText(const QDateTime &when) const
{
    return WhenText::past(when, m_zone, m_clock.now());
}

QString CalendarsPage::statusText(const CalendarSubscription &subscription) const
{
    if (!subscription.lastError.isEmpty()) {
        if (subscription.lastSuccess.isValid())
            return tr("Not refreshed — showing the copy from %1").arg(timeText(subscription.lastSuccess));
        return tr("Not refreshed — no copy yet");
    }
    if (!subscription.lastSuccess.isValid())
        return tr("Not fetched yet");
    const QString events = subscription.eventCount == 1
        ? tr("1 event")
        : tr("%1 events").arg(QLocale().toString(subscription.eventCount));
    return tr("Refreshed %1 · %2").arg(timeText(subscription.lastSuccess), events);
}

bool CalendarsPage::addFromForm()
{
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        m_problem->setText(tr("Paste the calendar's address first."));
        m_problem->show();
        return false;
    }
    const QUrl url = QUrl::fromUserInput(text);
    QString name = m_name->text().trimmed();
    if (name.isEmpty())
        name = url.host().isEmpty() ? tr("Calendar") : url.host();
    const auto added = m_sync.subscriptions().subscribe(url, name, m_interval->value());
    if (!added) {
        const QString message = added.error().message;
        m_problem->setText(message.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive)
                               ? tr("There is already a calendar named \"%1\": choose another name.").arg(name)
                               : message);
        m_problem->show();
        return false;
    }
    m_problem->hide();
    m_url->clear();
    m_name->clear();
    reload();
    m_sync.refresh(added->id);
    return true;
}

bool CalendarsPage::removeSubscription(const QString &name)
{
    if (Status removed = m_sync.unsubscribe(name); !removed) {
        m_problem->setText(removed.error().message);
        m_problem->show();
        return false;
    }
    m_problem->hide();
    reload();
    return true;
}

void CalendarsPage::removeSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove Calendar"),
        tr("Remove the subscription \"%1\" and its events from Fermata? The calendar itself is not "
           "touched.").arg(name));
    if (answer == QMessageBox::Yes)
        removeSubscription(name);
}

void CalendarsPage::refreshSelected()
{
    const auto all = m_sync.subscriptions().subscriptions();
    if (!all)
        return;
    const QString name = selectedName();
    for (const CalendarSubscription &subscription : *all) {
        if (name.isEmpty() || subscription.name == name)
            m_sync.refresh(subscription.id);
    }
    const int row = m_list->currentIndex().isValid() && !name.isEmpty() ? m_list->currentIndex().row() : -1;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (row < 0 || r == row)
            m_model->item(r, StatusColumn)->setText(tr("Refreshing…"));
    }
}

void CalendarsPage::onRefreshFinished(const RefreshOutcome &)
{
    reload();
}

QString CalendarsPage::selectedName() const
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || !m_list->selectionModel()->isSelected(current))
        return {};
    return m_model->item(current.row(), NameColumn)->text();
}

void CalendarsPage::updateButtons()
{
    const bool any = m_model->rowCount() > 0;
    m_refresh->setEnabled(any);
    m_refresh->setText(selectedName().isEmpty() ? tr("&Refresh All") : tr("&Refresh Now"));
    m_remove->setEnabled(!selectedName().isEmpty());
    m_add->setEnabled(!m_url->text().trimmed().isEmpty());
}

} // namespace fermata
