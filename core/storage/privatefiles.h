#pragma once

#include <QStringList>

namespace fermata::privatefiles {

// Makes what Fermata keeps private to the user who owns it: folders 0700, files 0600, where
// they were open to the group or others (installs from before this was the default). Only
// what the user owns and only the paths given (never a whole --data-dir folder's other
// files). Returns the paths it changed, so the caller can say so once. On Windows the
// inherited ACL of the user's profile does this job: nothing changes there.
QStringList tighten(const QStringList &folders, const QStringList &files);

} // namespace fermata::privatefiles
