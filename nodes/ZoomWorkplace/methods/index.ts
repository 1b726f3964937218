import { getTimezones } from './loadOptions';
import { searchMeetings, searchUsers } from './listSearch';

export const listSearch = { searchUsers, searchMeetings };
export const loadOptions = { getTimezones };
