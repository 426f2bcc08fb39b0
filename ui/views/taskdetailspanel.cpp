#include "views/taskdetailspanel.h"

#include "undo/taskcommands.h"
#include "undo/undohistory.h"

#include "messaging/teamsync.h"
#include "models/commitmenttext.h"
#include "models/tasktablemodel.h"
#include "planning/planningservice.h"
#include "settings/preferences.h"
#include "tasks/taskservice.h"
#include "time/clock.h"
#include "uicontext.h"
#include "views/tasksharingbox.h"
#include "widgets/durationspinbox.h"
#include "widgets/optionaldatetimeedit.h"
#include "widgets/palettecolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace fermata {

namespace {

DurationSpinBox *minutesBox(QWidget *parent, int minimum)
{
    auto *box = new DurationSpinBox(parent);
    box->setMinimum(minimum);
    return box;
}

QStringList splitTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString tag = part.trimmed(); !tag.isEmpty())
            tags.append(tag);
    }
    return tags;
}

// The tasks that wait for `id`, directly or through others: choosing one of them as what
// `id` waits for would make a circle.
QSet<qint64> waitingOn(qint64 id, const QList<Task> &tasks)
{
    QSet<qint64> found{id};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Task &task : tasks) {
            if (found.contains(task.id))
                continue;
            for (const qint64 dependency : task.dependsOn) {
                if (found.contains(dependency)) {
                    found.insert(task.id);
                    grew = true;
                    break;
                }
            }
        }
    }
    return found;
}

} // namespace

TaskDetailsPanel::TaskDetailsPanel(const UiContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("taskDetails"));
    setAccessibleName(tr("Task details"));

    // Normally hidden by the window when empty; kept short and at the top if it is shown.
    auto *hint = new QLabel(tr("Select a task to see and edit its details."), this);
    hint->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    hint->setWordWrap(true);
    hint->setMargin(12);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_pages->addWidget(hint);

    auto *scroll = new QScrollArea(this);
    QWidget *form = buildForm();
    scroll->setWidget(form);
    // Never narrower than the form: fields are clipped otherwise (there is no sideways scroll).
    scroll->setMinimumWidth(form->minimumSizeHint().width()
                            + scroll->verticalScrollBar()->sizeHint().width());
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *editor = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(scroll, 1);
    editorLayout->addWidget(buildButtons());
    m_pages->addWidget(editor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildHeader());
    layout->addWidget(m_pages, 1);

    watchForEdits();
    connect(&m_context.tasks, &TaskService::taskChanged, this, [this](const Task &task) {
        if (task.id == m_task.id && !isModified())
            load(task);
    });
    connect(&m_context.tasks, &TaskService::taskRemoved, this, [this](qint64 id) {
        if (id == m_task.id) {
            showTask(0);
        } else if (m_task.id != 0) {
            m_task.dependsOn.removeAll(id); // as storage does; the service's taskChanged follows
            fillWaitsFor(selectedWaitsFor());
        }
    });
    connect(&m_context.tasks, &TaskService::tasksReset, this, [this] { showTask(m_task.id); });
    // Another task added or renamed: the "Waits for" choices follow, keeping the pick.
    const auto refreshChoices = [this] {
        if (m_task.id != 0)
            fillWaitsFor(selectedWaitsFor());
    };
    connect(&m_context.tasks, &TaskService::taskAdded, this, refreshChoices);
    connect(&m_context.tasks, &TaskService::taskChanged, this, refreshChoices);
    // Another task finished (its time joins the history) or the switch moved: the learnt time follows.
    connect(&m_context.tasks, &TaskService::taskChanged, this, &TaskDetailsPanel::showPlanned);
    connect(&m_context.preferences, &Preferences::learnFromEstimatesChanged, this, &TaskDetailsPanel::showPlanned);
    connect(&m_context.planning, &PlanningService::planned, this, &TaskDetailsPanel::showPlanned);
    if (m_context.team) {
        // What teammates share changed (a sync, another process): the choices follow.
        const auto refreshCommitments = [this] {
            if (m_task.id != 0)
                fillAfterCommitment(selectedAfterCommitment());
        };
        connect(m_context.team, &TeamSync::commitmentsChanged, this, refreshCommitments);
        connect(m_context.team, &TeamSync::statusChanged, this, refreshCommitments);
    }
}

QWidget *TaskDetailsPanel::buildHeader()
{
    auto *header = new QWidget(this);
    auto *heading = new QLabel(tr("Task details"), header);
    QFont headingFont = heading->font();
    headingFont.setWeight(QFont::DemiBold);
    heading->setFont(headingFont);

    auto *close = new QToolButton(header);
    close->setObjectName(QStringLiteral("closeDetails"));
    close->setAutoRaise(true);
    close->setText(QStringLiteral("\u2715")); // as the message bar's dismiss button
    close->setAccessibleName(tr("Close details"));
    close->setToolTip(tr("Close details"));
    connect(close, &QToolButton::clicked, this, &TaskDetailsPanel::closeRequested);

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(12, 6, 6, 0); // the heading lines up with "Open tasks"
    layout->addWidget(heading, 1);
    layout->addWidget(close);
    return header;
}

QSize TaskDetailsPanel::sizeHint() const
{
    return {qMax(300, minimumSizeHint().width()), QWidget::sizeHint().height()};
}

QWidget *TaskDetailsPanel::buildForm()
{
    auto *form = new QWidget(this);
    m_title = new QLineEdit(form);
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_notes = new QPlainTextEdit(form);
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(fontMetrics().height() * 4 + 12);
    m_estimate = minutesBox(form, 1);
    m_remaining = minutesBox(form, 0);
    m_planned = new QLabel(form);
    m_planned->setObjectName(QStringLiteral("detailsPlannedAs"));
    m_planned->setWordWrap(true);
    QPalette muted = m_planned->palette();
    muted.setColor(QPalette::WindowText, PaletteColors::mutedText(muted));
    m_planned->setPalette(muted);
    m_planned->setToolTip(tr("Learnt from the focus sessions of your finished tasks (Preferences → General → "
                             "Learn from my estimates). The remaining time stays as you entered it."));
    m_planned->hide();
    m_deadline = new OptionalDateTimeEdit(tr("By"), form);
    m_priority = new QComboBox(form);
    for (Priority p : {Priority::P1, Priority::P2, Priority::P3, Priority::P4})
        m_priority->addItem(priorityName(p), int(p));
    m_earliestStart = new OptionalDateTimeEdit(tr("From"), form);
    m_minChunk = minutesBox(form, 5);
    m_maxChunk = minutesBox(form, 5);
    m_splittable = new QCheckBox(tr("Can be split into several blocks"), form);
    m_dayPart = new QComboBox(form);
    m_dayPart->addItem(tr("Any time"), int(DayPart::Any));
    m_dayPart->addItem(tr("Morning"), int(DayPart::Morning));
    m_dayPart->addItem(tr("Afternoon"), int(DayPart::Afternoon));
    m_waitsFor = new QComboBox(form);
    m_waitsFor->setObjectName(QStringLiteral("detailsWaitsFor"));
    m_waitsFor->setToolTip(tr("The task that must be done first; the planner places this one after it."));
    m_waitsFor->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_waitsFor->setMinimumContentsLength(12);
    m_afterCommitment = new QComboBox(form);
    m_afterCommitment->setObjectName(QStringLiteral("detailsAfterCommitment"));
    m_afterCommitment->setToolTip(tr("A teammate's shared work this task waits for; the planner places this "
                                     "task after the day that work is planned to finish."));
    m_afterCommitment->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_afterCommitment->setMinimumContentsLength(12);
    m_sharing = new TaskSharingBox(m_context.team, form);
    m_tags = new QLineEdit(form);
    m_tags->setPlaceholderText(tr("Comma-separated"));
    m_done = new QCheckBox(tr("Done"), form);

    auto *layout = new QFormLayout;
    m_form = layout;
    auto *outer = new QVBoxLayout(form);
    outer->setContentsMargins(12, 12, 12, 12);
    outer->addLayout(layout);
    layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addRow(tr("&Title"), m_title);
    layout->addRow(tr("&Notes"), m_notes);
    layout->addRow(tr("&Estimate"), m_estimate);
    layout->addRow(tr("&Remaining"), m_remaining);
    layout->addRow(QString(), m_planned);
    layout->addRow(tr("Deadline"), m_deadline);
    layout->addRow(tr("&Priority"), m_priority);
    layout->addRow(tr("Earliest start"), m_earliestStart);
    layout->addRow(tr("Min chunk"), m_minChunk);
    layout->addRow(tr("Max chunk"), m_maxChunk);
    layout->addRow(QString(), m_splittable);
    layout->addRow(tr("Part of &day"), m_dayPart);
    layout->addRow(tr("&Waits for"), m_waitsFor);
    layout->addRow(tr("A&fter teammate"), m_afterCommitment);
    layout->addRow(tr("T&ags"), m_tags);
    layout->addRow(QString(), m_done);
    auto *teamHeading = new QLabel(tr("Team"), form);
    QFont headingFont = teamHeading->font();
    headingFont.setWeight(QFont::DemiBold);
    teamHeading->setFont(headingFont);
    // Acts at once, unlike the fields above (Apply): set apart under a heading of its own.
    outer->addSpacing(12);
    outer->addWidget(teamHeading);
    outer->addWidget(m_sharing);
    outer->addStretch(1); // keeps rows packed at the top
    return form;
}

QWidget *TaskDetailsPanel::buildButtons()
{
    auto *box = new QWidget(this);
    m_error = new QLabel(box);
    m_error->setObjectName(QStringLiteral("detailsError"));
    m_error->setWordWrap(true);
    m_error->hide();
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::Window, PaletteColors::warningFill(palette()));
    m_error->setPalette(errorPalette);
    m_error->setAutoFillBackground(true);
    m_error->setMargin(6);

    m_apply = new QPushButton(tr("&Apply"), box);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setDefault(true);
    m_revert = new QPushButton(tr("Re&vert"), box);
    connect(m_apply, &QPushButton::clicked, this, &TaskDetailsPanel::apply);
    connect(m_revert, &QPushButton::clicked, this, &TaskDetailsPanel::revert);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(12, 6, 12, 12);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    return box;
}

void TaskDetailsPanel::watchForEdits()
{
    const auto changed = [this] { updateButtons(); };
    connect(m_title, &QLineEdit::textEdited, this, changed);
    connect(m_notes, &QPlainTextEdit::textChanged, this, changed);
    for (DurationSpinBox *box : {m_estimate, m_remaining, m_minChunk, m_maxChunk})
        connect(box, &DurationSpinBox::valueChanged, this, changed);
    for (OptionalDateTimeEdit *edit : {m_deadline, m_earliestStart})
        connect(edit, &OptionalDateTimeEdit::edited, this, changed);
    for (QComboBox *box : {m_priority, m_dayPart, m_waitsFor, m_afterCommitment})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    for (QCheckBox *box : {m_splittable, m_done})
        connect(box, &QCheckBox::toggled, this, changed);
    connect(m_tags, &QLineEdit::textEdited, this, changed);
}

void TaskDetailsPanel::showTask(qint64 taskId)
{
    const auto task = m_context.tasks.task(taskId);
    m_pages->setCurrentIndex(task ? 1 : 0);
    load(task.value_or(Task{}));
    Q_EMIT taskShown(m_task.id);
}

void TaskDetailsPanel::showPlanned()
{
    const std::optional<LearnedEstimate> learned =
        m_task.id == 0 ? std::nullopt : m_context.planning.learnedEstimate(m_task);
    m_form->setRowVisible(m_planned, learned.has_value());
    if (!learned)
        return;
    m_planned->setText(TaskTableModel::plannedText(*learned));
}

void TaskDetailsPanel::load(const Task &task)
{
    m_task = task;
    const QTimeZone zone = m_context.preferences.timeZone();
    m_deadline->setTimeZone(zone);
    m_earliestStart->setTimeZone(zone);
    // What a newly ticked date starts at: tomorrow, on the hour.
    const QDateTime now = m_context.clock.now();
    const QDateTime tomorrow = QDateTime::fromSecsSinceEpoch(
        (now.toSecsSinceEpoch() / 3600 + 24) * 3600, Qt::UTC);

    const QList<QObject *> editors{m_title, m_notes, m_estimate, m_remaining, m_priority,
                                   m_minChunk, m_maxChunk, m_splittable, m_dayPart, m_tags,
                                   m_done, m_deadline, m_earliestStart, m_waitsFor, m_afterCommitment};
    for (QObject *editor : editors)
        editor->blockSignals(true);
    m_title->setText(task.title);
    m_notes->setPlainText(task.notes);
    m_estimate->setValue(task.estimateMinutes);
    m_remaining->setValue(task.remainingMinutes);
    m_deadline->setValue(task.deadline, tomorrow);
    m_priority->setCurrentIndex(m_priority->findData(int(task.priority)));
    m_earliestStart->setValue(task.earliestStart, tomorrow);
    m_minChunk->setValue(task.minChunkMinutes);
    m_maxChunk->setValue(task.maxChunkMinutes);
    m_splittable->setChecked(task.splittable);
    m_dayPart->setCurrentIndex(m_dayPart->findData(int(task.preferredDayPart)));
    m_tags->setText(task.tags.join(QStringLiteral(", ")));
    m_done->setChecked(task.done);
    fillWaitsFor(task.dependsOn.value(0));
    fillAfterCommitment(task.afterCommitment);
    showPlanned();
    m_sharing->setTaskId(task.id);
    for (QObject *editor : editors)
        editor->blockSignals(false);
    showError({});
    updateButtons();
}

Task TaskDetailsPanel::editedTask() const
{
    Task task = m_task; // keeps the id, and any dependencies after the first
    task.title = m_title->text().trimmed();
    task.notes = m_notes->toPlainText();
    task.estimateMinutes = m_estimate->value();
    task.remainingMinutes = m_remaining->value();
    task.deadline = m_deadline->value();
    task.priority = Priority(m_priority->currentData().toInt());
    task.earliestStart = m_earliestStart->value();
    task.minChunkMinutes = m_minChunk->value();
    task.maxChunkMinutes = m_maxChunk->value();
    task.splittable = m_splittable->isChecked();
    task.preferredDayPart = DayPart(m_dayPart->currentData().toInt());
    task.tags = splitTags(m_tags->text());
    task.done = m_done->isChecked();
    if (!task.dependsOn.isEmpty())
        task.dependsOn.removeFirst();
    if (const qint64 waitsFor = selectedWaitsFor(); waitsFor != 0)
        task.dependsOn.prepend(waitsFor);
    task.afterCommitment = selectedAfterCommitment();
    return task;
}

bool TaskDetailsPanel::isModified() const
{
    return m_task.id != 0 && editedTask() != m_task;
}

bool TaskDetailsPanel::apply()
{
    const Task task = editedTask();
    if (const QString problem = TaskService::validationError(task); !problem.isEmpty()) {
        showError(problem);
        return false;
    }
    if (m_history) {
        // Through the history, so Ctrl+Z takes the edit back ("Undo Edit “…”").
        QString refused;
        const auto listening = connect(m_history, &UndoHistory::errorOccurred, this,
                                       [&refused](const QString &message) { refused = message; });
        m_history->push(new EditTaskCommand(*m_history, m_task, task));
        disconnect(listening);
        if (!refused.isEmpty()) {
            showError(refused);
            return false;
        }
    } else if (const Status status = m_context.tasks.update(task); !status) {
        showError(status.error().message);
        return false;
    }
    showError({});
    load(m_context.tasks.task(task.id).value_or(task));
    Q_EMIT saved(m_task);
    return true;
}

void TaskDetailsPanel::revert()
{
    load(m_task);
}

QString TaskDetailsPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TaskDetailsPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void TaskDetailsPanel::fillWaitsFor(qint64 selectedId)
{
    const bool blocked = m_waitsFor->blockSignals(true);
    m_waitsFor->clear();
    m_waitsFor->addItem(tr("No other task"), qint64(0));
    const QList<Task> &tasks = m_context.tasks.tasks();
    const QSet<qint64> excluded = m_task.id != 0 ? waitingOn(m_task.id, tasks) : QSet<qint64>{};
    for (const Task &task : tasks) {
        if (excluded.contains(task.id) && task.id != selectedId)
            continue;
        m_waitsFor->addItem(task.done ? tr("%1 (done)").arg(task.title) : task.title, task.id);
    }
    const int index = m_waitsFor->findData(selectedId);
    m_waitsFor->setCurrentIndex(index >= 0 ? index : 0);
    m_waitsFor->blockSignals(blocked);
}

qint64 TaskDetailsPanel::selectedWaitsFor() const
{
    return m_waitsFor->currentData().toLongLong();
}

void TaskDetailsPanel::fillAfterCommitment(const QUuid &selected)
{
    const bool blocked = m_afterCommitment->blockSignals(true);
    m_afterCommitment->clear();
    m_afterCommitment->addItem(tr("No teammate's work"), QUuid());
    const QDateTime now = m_context.clock.now();
    const QTimeZone zone = m_context.preferences.timeZone();
    const Result<QList<TeammateCommitment>> theirs = m_context.tasks.teammateCommitments();
    for (const TeammateCommitment &commitment : theirs ? *theirs : QList<TeammateCommitment>{}) {
        const QString text = CommitmentText::choice(commitment, now, zone);
        m_afterCommitment->addItem(text, commitment.commitment.uuid);
        m_afterCommitment->setItemData(m_afterCommitment->count() - 1, text, Qt::ToolTipRole); // may be clipped
    }
    if (!selected.isNull() && m_afterCommitment->findData(selected) < 0)
        m_afterCommitment->addItem(tr("(no longer shared)"), selected); // still waited for until cleared
    const int index = m_afterCommitment->findData(selected);
    m_afterCommitment->setCurrentIndex(index >= 0 ? index : 0);
    m_afterCommitment->blockSignals(blocked);
    // Someone without a team, or whose team shares nothing, has nothing to choose here.
    const bool joined = m_context.team && m_context.team->isJoined();
    m_form->setRowVisible(m_afterCommitment, joined || m_afterCommitment->count() > 1);
}

QUuid TaskDetailsPanel::selectedAfterCommitment() const
{
    return m_afterCommitment->currentData().toUuid();
}

void TaskDetailsPanel::updateButtons()
{
    const bool modified = isModified();
    m_apply->setEnabled(modified);
    m_revert->setEnabled(modified);
}

} // namespace fermata
