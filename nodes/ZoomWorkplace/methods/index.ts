import { getTimezones } from './loadOptions';
import { searchMeetingSummaries, searchMeetings, searchUsers } from './listSearch';
import { searchWebinars } from './searchWebinars';

export const listSearch = { searchUsers, searchMeetings, searchWebinars, searchMeetingSummaries };
export const loadOptions = { getTimezones };
