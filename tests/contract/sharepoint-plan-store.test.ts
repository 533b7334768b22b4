import { planStoreContract } from './plan-store.contract';
import { sharePointStoreForContract } from '../support/sharepoint-over-emulator';

planStoreContract('SharePoint lists over the Graph emulator', sharePointStoreForContract);
