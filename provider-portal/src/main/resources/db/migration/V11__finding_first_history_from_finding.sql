-- A finding's first history entry (OPEN, 'found', at opened_at) is no longer stored: FindingRepository.history
-- derives it from the finding itself. Rows stored before this version would otherwise show twice.
DELETE FROM finding_history WHERE state = 'OPEN' AND reason = 'found';
