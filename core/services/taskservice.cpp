#include "services/taskservice.h"
