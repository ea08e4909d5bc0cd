-- Groups, memberships and grants are the access feature's rows, and access reads no other feature's table: a
-- group's member count is the count of its memberships, no longer a join with users that skipped the deleted
-- ones. So a deleted user keeps no membership and no grant: from now on access removes them in the transaction
-- that deletes the user (on its UserDeleted event), and this data migration removes those left by deletions
-- before it, in every tenant (as the owner of the tables, which bypasses row-level security).
delete from group_members gm
using users u
where u.tenant_id = gm.tenant_id and u.id = gm.user_id and u.deleted_at is not null;

delete from user_permissions up
using users u
where u.tenant_id = up.tenant_id and u.id = up.user_id and u.deleted_at is not null;
