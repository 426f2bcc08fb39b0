#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <algorithm>
#include <iterator>

namespace fermata {

namespace {

// The languages Fermata ships; a locale in another language gets no translator at all, so a
// stray Qt translation (e.g. qtbase_fr) cannot mix with English Fermata strings.
constexpr QLocale::Language shippedLanguages[] = {QLocale::German};

bool install(QCoreApplication &app, const QLocale &locale, const QString &name, const QString &folder)
{
    auto *translator = new QTranslator(&app);
    // QTranslator::load(locale, ...) tries "fermata_ui_de_DE", then "fermata_ui_de".
    if (translator->load(locale, name, QStringLiteral("_"), folder) && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}

} // namespace

int installTranslations(QCoreApplication &app, const QLocale &locale)
{
    if (std::find(std::begin(shippedLanguages), std::end(shippedLanguages), locale.language())
        == std::end(shippedLanguages))
        return 0;
    int installed = 0;
    // Qt's own strings (standard buttons, context menus) when the system has them
    // (Debian: qt6-translations-l10n); a missing file is not an error.
    if (install(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        ++installed;
    for (const char *layer : {"fermata_core", "fermata_ui", "fermata_app"}) {
        if (install(app, locale, QString::fromLatin1(layer), QStringLiteral(":/i18n")))
            ++installed;
        else
            qWarning("Fermata: the embedded translation %s for %s is missing", layer,
                     qPrintable(locale.name()));
    }
    return installed;
}

} // namespace fermata
