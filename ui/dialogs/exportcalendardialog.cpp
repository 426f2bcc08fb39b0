#include "dialogs/exportcalendardialog.h"

#include "calendar/calendarinteropservice.h"
#include "time/weeklyrule.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace fermata {

ExportCalendarDialog::ExportCalendarDialog(CalendarInteropService &interop, QDate today,
                                           const QTimeZone &zone, QWidget *parent)
    : QDialog(parent), m_interop(interop), m_zone(zone)
{
    setObjectName(QStringLiteral("exportCalendarDialog"));
    setWindowTitle(tr("Export Calendar"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Writes your focus blocks (as busy time) and check-in windows to an "
                                "iCalendar file that Google Calendar, Outlook or Apple Calendar can import."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_from = new QDateEdit(today, this);
    m_from->setObjectName(QStringLiteral("exportFromEdit"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today.addDays(defaultDays - 1), this);
    m_to->setObjectName(QStringLiteral("exportToEdit"));
    m_to->setCalendarPopup(true);
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPathEdit"));
    m_path->setText(QDir::toNativeSeparators(
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("fermata-focus.ics"))));
    auto *choose = new QPushButton(tr("C&hoose…"), this);
    connect(choose, &QPushButton::clicked, this, &ExportCalendarDialog::choosePath);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(choose);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    // The label names the edit itself (Alt+F lands in it; screen readers read "File"), not the
    // row that holds it and its Browse button.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    layout->addLayout(form);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("exportProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportCalendarDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportCalendarDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

Interval ExportCalendarDialog::range() const
{
    return Interval::fromDateTimes(resolveWallClock(m_from->date(), QTime(0, 0), m_zone),
                                   resolveWallClock(m_to->date().addDays(1), QTime(0, 0), m_zone));
}

QString ExportCalendarDialog::path() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

void ExportCalendarDialog::choosePath()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Calendar"), m_path->text(),
                                                        tr("iCalendar files (*.ics)"));
    if (!chosen.isEmpty())
        m_path->setText(QDir::toNativeSeparators(chosen));
}

void ExportCalendarDialog::accept()
{
    QString problem;
    if (m_to->date() < m_from->date())
        problem = tr("The range ends before it starts: choose a \"To\" date on or after %1.")
                      .arg(QLocale().toString(m_from->date(), QLocale::ShortFormat));
    else if (path().isEmpty() || !QFileInfo(path()).isAbsolute())
        problem = tr("Choose where to save the file.");
    if (problem.isEmpty()) {
        if (Status written = m_interop.exportTo(path(), range(), true); !written)
            problem = written.error().message;
    }
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    m_result = tr("Exported focus blocks and check-in windows from %1 to %2 to %3.")
                   .arg(QLocale().toString(m_from->date(), QLocale::ShortFormat),
                        QLocale().toString(m_to->date(), QLocale::ShortFormat),
                        QDir::toNativeSeparators(path()));
    QDialog::accept();
}

} // namespace fermata
