#include "dialogs/preferencesdialog.h"
#include "models/whentext.h"

#include "autostartentry.h"
#include "dialogs/preferencespage.h"
#include "tasks/estimatelearning.h"
#include "time/weeklyrule.h"
#include "widgets/palettecolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fermata {

PreferencesDialog::PreferencesDialog(Preferences &preferences, QWidget *parent)
    : QDialog(parent), m_preferences(preferences)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    const WorkingHours hours = preferences.workingHours();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("preferencesError"));
    m_error->setWordWrap(true);
    m_error->setMargin(6);
    m_error->setAutoFillBackground(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::Window, PaletteColors::warningFill(palette()));
    m_error->setPalette(errorPalette);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *general = new QWidget(this);
    general->setObjectName(QStringLiteral("generalPage"));
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addWidget(buildHoursGroup(hours));
    generalLayout->addWidget(buildZoneRow());
    generalLayout->addWidget(buildStartupRow());
    generalLayout->addWidget(buildLearningRow());
    generalLayout->addStretch(1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("preferencesTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(general, tr("&General"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    revalidate();
}

void PreferencesDialog::addPage(PreferencesPage *page)
{
    page->setParent(this);
    m_pages.append(page);
    m_tabs->addTab(page, page->title());
    connect(page, &PreferencesPage::edited, this, &PreferencesDialog::revalidate);
    revalidate();
}

QWidget *PreferencesDialog::buildHoursGroup(const WorkingHours &hours)
{
    auto *group = new QGroupBox(tr("Working hours"), this);
    auto *grid = new QGridLayout(group);
    grid->setHorizontalSpacing(12);
    grid->addWidget(new QLabel(tr("Start"), group), 0, 1);
    grid->addWidget(new QLabel(tr("End"), group), 0, 2);
    const QLocale locale;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        const DayHours &hoursToday = hours.day(Qt::DayOfWeek(day));
        Row &row = m_rows[index(Qt::DayOfWeek(day))];
        const QString name = locale.dayName(day, QLocale::LongFormat);
        row.working = new QCheckBox(name, group);
        row.working->setChecked(hoursToday.working);
        row.start = new QTimeEdit(hoursToday.start.isValid() ? hoursToday.start : QTime(9, 0), group);
        row.end = new QTimeEdit(hoursToday.end.isValid() ? hoursToday.end : QTime(17, 0), group);
        for (QTimeEdit *edit : {row.start, row.end}) {
            edit->setDisplayFormat(WhenText::timeFormat());
            edit->setEnabled(hoursToday.working);
            connect(edit, &QTimeEdit::timeChanged, this, &PreferencesDialog::revalidate);
        }
        row.start->setAccessibleName(tr("%1 start").arg(name));
        row.end->setAccessibleName(tr("%1 end").arg(name));
        connect(row.working, &QCheckBox::toggled, row.start, &QWidget::setEnabled);
        connect(row.working, &QCheckBox::toggled, row.end, &QWidget::setEnabled);
        connect(row.working, &QCheckBox::toggled, this, &PreferencesDialog::revalidate);
        grid->addWidget(row.working, day, 0);
        grid->addWidget(row.start, day, 1);
        grid->addWidget(row.end, day, 2);
    }
    grid->setColumnStretch(0, 1);
    return group;
}

QWidget *PreferencesDialog::buildZoneRow()
{
    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("timeZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    QStringList ids;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        ids.append(QString::fromLatin1(id));
    const QString current = QString::fromLatin1(m_preferences.timeZoneId());
    if (!ids.contains(current))
        ids.prepend(current); // a valid alias the list leaves out, e.g. Etc/UTC
    m_zone->addItems(ids);
    m_zone->setCurrentText(QString::fromLatin1(m_preferences.timeZoneId()));
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_zone, &QComboBox::currentTextChanged, this, &PreferencesDialog::revalidate);

    auto *row = new QWidget(this);
    auto *form = new QFormLayout(row);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Time zone"), m_zone);
    return row;
}

QWidget *PreferencesDialog::buildStartupRow()
{
    m_autostartBox = new QCheckBox(tr("&Start Fermata when I log in"), this);
    m_autostartBox->setObjectName(QStringLiteral("autostart"));
    m_autostartBox->setToolTip(tr("Fermata starts in the tray, without its window, and holds "
                                  "notifications from the moment you log in."));
    m_autostartBox->hide(); // until setAutostart()
    return m_autostartBox;
}

QWidget *PreferencesDialog::buildLearningRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_learnBox = new QCheckBox(tr("&Learn from my estimates"), row);
    m_learnBox->setObjectName(QStringLiteral("learnFromEstimates"));
    m_learnNote = new QLabel(row);
    m_learnNote->setObjectName(QStringLiteral("learnFromEstimatesNote"));
    m_learnNote->setWordWrap(true);
    QPalette muted = m_learnNote->palette();
    muted.setColor(QPalette::WindowText, PaletteColors::mutedText(muted));
    m_learnNote->setPalette(muted);
    // Indented under the box's text, as a description of it.
    m_learnNote->setContentsMargins(m_learnBox->sizeHint().height(), 0, 0, 0);
    layout->addWidget(m_learnBox);
    layout->addWidget(m_learnNote);
    showLearning();
    return row;
}

void PreferencesDialog::setEstimateSampleCount(int count)
{
    m_sampleCount = count;
    showLearning();
}

void PreferencesDialog::showLearning()
{
    const std::optional<bool> choice = m_preferences.learnFromEstimates();
    // Unset with the count unknown: shown as the default it becomes, on.
    const int count = m_sampleCount.value_or(EstimateLearning::samplesToTurnOn);
    m_learnShown = EstimateLearning::isOn(choice, count);
    m_learnBox->setChecked(m_learnShown);
    QString note = tr("Plans each task for the time tasks like it really took (the focus sessions of your "
                      "finished tasks, per tag). Your estimates stay as you entered them.");
    if (!choice && m_sampleCount && *m_sampleCount < EstimateLearning::samplesToTurnOn)
        note += QLatin1Char(' ')
            + tr("Starts by itself once %1 tasks are finished with focus time (%2 so far).")
                  .arg(EstimateLearning::samplesToTurnOn)
                  .arg(*m_sampleCount);
    m_learnNote->setText(note);
}

void PreferencesDialog::setAutostart(const AutostartEntry *autostart)
{
    m_autostart = autostart;
    m_autostartBox->setChecked(autostart && autostart->isEnabled());
    m_autostartBox->setVisible(autostart != nullptr);
}

WorkingHours PreferencesDialog::workingHours() const
{
    WorkingHours hours;
    hours.zoneId = m_zone->currentText().trimmed().toLatin1();
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        const Row &row = m_rows[index(Qt::DayOfWeek(day))];
        DayHours &target = hours.day(Qt::DayOfWeek(day));
        target.working = row.working->isChecked();
        if (target.working) {
            target.start = row.start->time();
            target.end = row.end->time();
        }
    }
    return hours;
}

QString PreferencesDialog::validationError() const
{
    if (QString problem = generalError(); !problem.isEmpty())
        return problem;
    for (const PreferencesPage *page : m_pages) {
        if (QString problem = page->validationError(); !problem.isEmpty())
            return problem;
    }
    return {};
}

QString PreferencesDialog::generalError() const
{
    const QLocale locale;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        const Row &row = m_rows[index(Qt::DayOfWeek(day))];
        if (row.working->isChecked() && row.end->time() <= row.start->time())
            return tr("On %1 the end (%2) must be after the start (%3).")
                .arg(locale.dayName(day, QLocale::LongFormat),
                     WhenText::time(row.end->time(), locale), WhenText::time(row.start->time(), locale));
    }
    const QByteArray zone = m_zone->currentText().trimmed().toLatin1();
    if (!isKnownTimeZoneId(zone))
        return tr("“%1” is not a time zone this system knows. Pick one from the list, "
                  "e.g. Europe/Berlin.")
            .arg(m_zone->currentText());
    return {};
}

void PreferencesDialog::revalidate()
{
    const QString problem = validationError();
    showProblem(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void PreferencesDialog::showProblem(const QString &problem)
{
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
}

void PreferencesDialog::accept()
{
    revalidate();
    if (!validationError().isEmpty())
        return;
    m_preferences.setWorkingHours(workingHours());
    // Until the person changes it, the choice stays theirs to make later (it follows the count).
    if (m_preferences.learnFromEstimates() || m_learnBox->isChecked() != m_learnShown)
        m_preferences.setLearnFromEstimates(m_learnBox->isChecked());
    if (m_autostart && m_autostartBox->isChecked() != m_autostart->isEnabled()) {
        if (Status written = m_autostart->setEnabled(m_autostartBox->isChecked()); !written) {
            m_tabs->setCurrentIndex(0);
            showProblem(written.error().message);
            return;
        }
    }
    for (PreferencesPage *page : std::as_const(m_pages)) {
        if (Status applied = page->apply(); !applied) {
            m_tabs->setCurrentWidget(page);
            showProblem(applied.error().message);
            return; // pages before this one are saved; this one and later ones stay editable
        }
    }
    QDialog::accept();
}

} // namespace fermata
