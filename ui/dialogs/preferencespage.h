#pragma once

#include "result.h"

#include <QWidget>

namespace fermata {

// One tab of the Preferences dialog (check-in windows, team, calendars…). Each page reads its
// service when built and writes back only in apply(), after every page has validated, so OK
// either saves everything or says what to fix.
class PreferencesPage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    // The tab's label, with a mnemonic ("&Check-in").
    virtual QString title() const = 0;
    // Empty when the page can be saved, else what to fix, in words a person can act on.
    virtual QString validationError() const { return {}; }
    // Saves the page. A failure keeps the dialog open and shows the message.
    virtual Status apply() = 0;

Q_SIGNALS:
    // Something was edited: the dialog re-validates.
    void edited();
};

} // namespace fermata
