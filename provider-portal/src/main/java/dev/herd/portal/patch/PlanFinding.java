package dev.herd.portal.patch;

import java.util.UUID;

/** An open finding a patch fixes: its machine, advisory, package (the source package on Debian) and versions. */
record PlanFinding(long id, UUID machineId, String advisoryId, String packageName, String installed, String fixed) {}
