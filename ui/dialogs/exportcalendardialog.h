#pragma once

#include "time/interval.h"

#include <QDate>
#include <QDialog>
#include <QTimeZone>

class QDateEdit;
class QLabel;
class QLineEdit;

namespace fermata {

class CalendarInteropService;

// File > Export Calendar…: focus blocks and check-in windows over a chosen range (the next
// 60 days by default) written to an .ics file other calendar apps can import. The dialog
// writes the file itself and stays open with the reason when that fails.
class ExportCalendarDialog final : public QDialog
{
    Q_OBJECT
public:
    ExportCalendarDialog(CalendarInteropService &interop, QDate today, const QTimeZone &zone,
                         QWidget *parent = nullptr);

    static constexpr int defaultDays = 60;

    // [from 00:00, day after `to` 00:00) in the zone.
    Interval range() const;
    QString path() const;
    // What was written, for the message bar.
    QString resultMessage() const { return m_result; }

    QDateEdit *toEdit() const { return m_to; }
    QLineEdit *pathEdit() const { return m_path; }
    QLabel *problemLabel() const { return m_problem; }

    void accept() override;

private:
    void choosePath();

    CalendarInteropService &m_interop;
    QTimeZone m_zone;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_problem = nullptr;
    QString m_result;
};

} // namespace fermata
