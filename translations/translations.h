#pragma once

#include <QLocale>

class QCoreApplication;

namespace fermata {

// Installs Fermata's German translations (core, ui, app; embedded under ":/i18n/") and Qt's own
// qtbase_de.qm when `locale` speaks German; any other language keeps the English source
// strings. The translators are children of `app`. Returns how many translators were installed.
int installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace fermata
